package org.yaraguard.rules.adversarial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaraguard.rules.samples.BaseObjects;

/**
 * The adversarial corpus of issue 7, generated at test time: objects that shape the container instead of the payload
 * (classes 1–7) and clean look-alikes, each written to a file with what the engine must decide and how it arrives.
 * Reproducible: fixed seeds, fixed ZIP times, DCMTK for the objects other toolkits would write.
 */
final class AdversarialCorpus {

    private static final long SEED = 7;

    private final Path folder;
    private final Specimens specimens = new Specimens(SEED);
    private final BaseObjects dcmtk;
    private final List<AdversarialObject> objects = new ArrayList<>();

    private AdversarialCorpus(Path folder) throws IOException {
        this.folder = folder;
        Path work = Files.createDirectories(folder.resolve("dcmtk-work"));
        this.dcmtk = new BaseObjects(work, SEED);
    }

    /** Writes every object into {@code folder} (which must exist) and lists them in a fixed order. */
    static List<AdversarialObject> write(Path folder) throws IOException {
        AdversarialCorpus corpus = new AdversarialCorpus(folder);
        ExecutablesOffCentre.addTo(corpus);
        StandardBinaryElements.addTo(corpus);
        SplitAcrossFragments.addTo(corpus);
        ReaderStops.addTo(corpus);
        ParserDifferentials.addTo(corpus);
        HidingEncodings.addTo(corpus);
        ResourceExhaustion.addTo(corpus);
        CleanLookAlikes.addTo(corpus);
        return List.copyOf(corpus.objects);
    }

    Specimens specimens() {
        return specimens;
    }

    /** DCMTK's tools (dump2dcm, img2dcm, pdf2dcm, dcmconv) through the sample generators. */
    BaseObjects dcmtk() {
        return dcmtk;
    }

    /** Adds "c{evasionClass}-{name}", which must be rejected. */
    void malicious(int evasionClass, String name, Arrival arrival, byte[] bytes, String idea) throws IOException {
        add("c" + evasionClass + "-" + name, evasionClass, Expectation.MALICIOUS, arrival, bytes, idea);
    }

    /** Adds "clean-c{evasionClass}-{name}", which must not be rejected. */
    void clean(int evasionClass, String name, Arrival arrival, byte[] bytes, String idea) throws IOException {
        add("clean-c" + evasionClass + "-" + name, evasionClass, Expectation.CLEAN, arrival, bytes, idea);
    }

    private void add(String name, int evasionClass, Expectation expectation, Arrival arrival, byte[] bytes,
                     String idea) throws IOException {
        if (objects.stream().anyMatch(o -> o.name().equals(name))) {
            throw new IllegalArgumentException("two corpus objects named " + name);
        }
        Path file = folder.resolve(name + ".dcm");
        Files.write(file, bytes);
        objects.add(new AdversarialObject(name, evasionClass, expectation, arrival, file, idea));
    }
}
