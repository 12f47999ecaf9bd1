package org.yaraguard.hunt.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.yaraguard.hunt.StoredObject;
import org.yaraguard.hunt.StoredObjects;
import org.yaraguard.review.hunt.HuntHit;

/**
 * The archive as a hunt source over DICOMweb: QIDO-RS lists the studies matching the hunt's query page by page (in
 * the archive's StudyInstanceUID order), then each study's instances (all pages, sorted by series and SOP Instance
 * UID here), and WADO-RS fetches each instance when the hunt opens it. Keys are {@code study/series/sop}.
 *
 * <p>A study whose instances cannot be listed becomes one object (key {@code study/}) whose opening fails with the
 * archive's answer: a listed failure, and the hunt goes on. Resuming after a key positions at that key's study in
 * the archive's order; if that study has left the archive, the listing starts over from the first study (hunting
 * some objects again, never skipping one: the archive's collation of UIDs is not Java's).
 */
public final class DicomWebSource implements StoredObjects {

    private static final System.Logger LOG = System.getLogger(DicomWebSource.class.getName());
    private static final Comparator<HuntInstance> ORDER = Comparator.comparing(HuntInstance::seriesInstanceUid)
            .thenComparing(HuntInstance::sopInstanceUid);

    private final DicomWebArchive archive;
    private final QidoQuery query;
    private final Qido qido;
    private final Wado wado;
    private final int maxInstancesPerStudy;
    private final Map<String, IOException> listingFailures = new ConcurrentHashMap<>();

    /**
     * @param pageSize             QIDO-RS limit per request
     * @param maxInstancesPerStudy a study listing more instances is a listed failure (its listing is held in memory
     *                             to be sorted)
     */
    public DicomWebSource(DicomWebArchive archive, QidoQuery query, int pageSize, int maxInstancesPerStudy,
                          MultipartLimits limits) {
        this.archive = archive;
        this.query = query;
        this.qido = new Qido(archive, pageSize);
        this.wado = new Wado(archive, limits);
        this.maxInstancesPerStudy = maxInstancesPerStudy;
    }

    @Override
    public String source() {
        return HuntHit.DICOMWEB;
    }

    @Override
    public String description() {
        return "dicomweb:" + archive.base();
    }

    @Override
    public Stream<StoredObject> list(String afterKey) throws IOException {
        Iterator<StoredObject> objects = new Listing(afterKey);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(objects,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public InputStream open(StoredObject object) throws IOException {
        IOException listingFailure = listingFailures.remove(object.key());
        if (listingFailure != null) {
            throw listingFailure;
        }
        String[] uids = object.key().split("/", -1);
        if (uids.length != 3) {
            throw new IOException("not an instance of this source: " + object.key());
        }
        HuntInstance instance = new HuntInstance(new HuntStudy(uids[0], null, null, null), uids[1], uids[2], null);
        Wado.Retrieved retrieved = wado.retrieve(instance);
        return new FilterInputStream(retrieved.object()) {
            private boolean finished;

            @Override
            public int read() throws IOException {
                return checked(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return checked(super.read(b, off, len));
            }

            private int checked(int n) throws IOException {
                if (n < 0 && !finished) {
                    finished = true;
                    retrieved.finish();
                }
                return n;
            }

            @Override
            public void close() {
                retrieved.close();
            }
        };
    }

    /** The objects in order: one study's instances at a time, studies page by page. */
    private final class Listing implements Iterator<StoredObject> {

        private final String afterStudy;
        private final String afterInstance;
        private boolean positioned;
        private boolean restarted;
        private int studyOffset;
        private boolean moreStudies = true;
        private final List<HuntStudy> studies = new ArrayList<>();
        private final List<StoredObject> ready = new ArrayList<>();

        Listing(String afterKey) {
            int slash = afterKey == null ? -1 : afterKey.indexOf('/');
            afterStudy = slash < 0 ? null : afterKey.substring(0, slash);
            afterInstance = slash < 0 ? null : afterKey.substring(slash + 1);
            positioned = afterStudy == null;
        }

        @Override
        public boolean hasNext() {
            try {
                while (ready.isEmpty()) {
                    HuntStudy study = nextStudy();
                    if (study == null) {
                        return false;
                    }
                    enqueue(study);
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public StoredObject next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.remove(0);
        }

        private HuntStudy nextStudy() throws IOException {
            while (true) {
                if (studies.isEmpty()) {
                    if (!moreStudies) {
                        if (positioned || restarted) {
                            return null;
                        }
                        LOG.log(System.Logger.Level.WARNING, "the study of the checkpoint is no longer listed by"
                                + " the archive: the DICOMweb listing starts over from the first study");
                        restarted = true;
                        positioned = true;
                        studyOffset = 0;
                        moreStudies = true;
                        continue;
                    }
                    Qido.Page<HuntStudy> page = qido.studies(query, studyOffset);
                    studyOffset += page.items().size() + page.malformed();
                    moreStudies = page.more();
                    if (page.malformed() > 0) {
                        LOG.log(System.Logger.Level.WARNING, "{0} studies listed by QIDO-RS have a Study Instance UID"
                                + " that is not well-formed: not hunted", page.malformed());
                    }
                    studies.addAll(page.items());
                    continue;
                }
                HuntStudy study = studies.remove(0);
                if (positioned) {
                    return study;
                }
                if (study.studyInstanceUid().equals(afterStudy)) {
                    positioned = true;
                    return study;
                }
            }
        }

        /** The study's instances, sorted, after the checkpoint's instance when this is the checkpoint's study. */
        private void enqueue(HuntStudy study) {
            List<HuntInstance> instances = new ArrayList<>();
            try {
                int offset = 0;
                while (true) {
                    Qido.Page<HuntInstance> page = qido.instances(study, offset);
                    instances.addAll(page.items());
                    offset += page.items().size() + page.malformed();
                    if (page.malformed() > 0) {
                        throw new IOException(page.malformed() + " instances of the study have UIDs that are not"
                                + " well-formed");
                    }
                    if (instances.size() > maxInstancesPerStudy) {
                        throw new IOException("the study lists more than " + maxInstancesPerStudy + " instances");
                    }
                    if (!page.more() || page.items().isEmpty()) {
                        break;
                    }
                }
            } catch (IOException e) {
                String key = study.studyInstanceUid() + "/";
                if (afterInstance == null || !study.studyInstanceUid().equals(afterStudy)) {
                    listingFailures.put(key, new IOException("QIDO-RS could not list the study's instances: "
                            + e.getMessage(), e));
                    ready.add(new StoredObject(key, archive.base() + "/studies/" + study.studyInstanceUid()
                            + "/instances", study.studyInstanceUid(), -1));
                }
                return;
            }
            instances.sort(ORDER);
            HuntInstance after = resumePoint(study);
            for (HuntInstance instance : instances) {
                if (after != null && ORDER.compare(instance, after) <= 0) {
                    continue;
                }
                ready.add(new StoredObject(instance.key(), location(instance), study.studyInstanceUid(), -1));
            }
        }

        /** The checkpoint's instance when this study is the checkpoint's (and the listing did not start over). */
        private HuntInstance resumePoint(HuntStudy study) {
            if (restarted || afterInstance == null || !study.studyInstanceUid().equals(afterStudy)) {
                return null;
            }
            int slash = afterInstance.indexOf('/');
            return slash < 0 ? new HuntInstance(study, "", "", null)
                    : new HuntInstance(study, afterInstance.substring(0, slash), afterInstance.substring(slash + 1),
                    null);
        }

        private String location(HuntInstance instance) {
            try {
                URI url = wado.url(instance);
                return url.toString();
            } catch (IOException wellFormedAlready) {
                throw new IllegalStateException(wellFormedAlready);
            }
        }
    }
}
