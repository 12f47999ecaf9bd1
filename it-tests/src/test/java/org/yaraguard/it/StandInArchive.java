package org.yaraguard.it;

import org.dcm4chee.arc.keycloak.HttpServletRequestInfo;
import org.dcm4chee.arc.storage.ReadContext;
import org.dcm4chee.arc.store.StoreService;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.yaraguard.it.archive.bench.BenchStoreResource;
import org.yaraguard.it.archive.net.DicomListener;
import org.yaraguard.it.archive.store.StandInDicomReader;
import org.yaraguard.it.archive.web.CStoreResource;

/**
 * The test EAR, shaped like dcm4chee-arc's: an EJB module at the root holding the archive's store interfaces and
 * the package-private stand-in StoreService (no beans.xml: an implicit bean archive), a WAR with the entry points,
 * the archive's other interfaces in {@code lib/}, and the dcm4che classes NOT packed: they come from the static
 * modules {@code org.dcm4che.*} imported by {@code META-INF/jboss-deployment-structure.xml}, as in the archive.
 * The WAR also holds the stand-in's DICOM listener (C-STORE SCP), started with the deployment.
 */
final class StandInArchive {

    static final String NAME = "standin-archive.ear";
    static final String CONTEXT_ROOT = "dcm4chee-arc";
    /** The AE title in the STOW-RS path, as in {@code /dcm4chee-arc/aets/DCM4CHEE/rs/studies}. */
    static final String AET = "DCM4CHEE";

    private static final String APPLICATION_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <application xmlns="https://jakarta.ee/xml/ns/jakartaee" version="10">
              <application-name>standin-archive</application-name>
              <module><ejb>standin-arc-store.jar</ejb></module>
              <module><web><web-uri>standin-arc-war.war</web-uri><context-root>%s</context-root></web></module>
              <library-directory>lib</library-directory>
            </application>
            """.formatted(CONTEXT_ROOT);

    private static final String DEPLOYMENT_STRUCTURE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <jboss-deployment-structure>
              <deployment>
                <dependencies>
                  <module name="org.dcm4che.core" export="TRUE"/>
                  <module name="org.dcm4che.net" export="TRUE"/>
                </dependencies>
              </deployment>
            </jboss-deployment-structure>
            """;

    private StandInArchive() {
    }

    static EnterpriseArchive ear() {
        return ear(ShrinkWrap.create(WebArchive.class, "standin-arc-war.war")
                .addPackage(CStoreResource.class.getPackage()));
    }

    /** The same EAR whose WAR also has the hook-cost benchmark's entry points (hooked and unhooked store). */
    static EnterpriseArchive benchEar() {
        return ear(ShrinkWrap.create(WebArchive.class, "standin-arc-war.war")
                .addPackage(CStoreResource.class.getPackage())
                .addPackage(BenchStoreResource.class.getPackage()));
    }

    private static EnterpriseArchive ear(WebArchive war) {
        JavaArchive store = ShrinkWrap.create(JavaArchive.class, "standin-arc-store.jar")
                .addPackage(StoreService.class.getPackage())
                .addPackage(StandInDicomReader.class.getPackage());
        JavaArchive lib = ShrinkWrap.create(JavaArchive.class, "standin-arc-lib.jar")
                .addPackage(ReadContext.class.getPackage())
                .addPackage(HttpServletRequestInfo.class.getPackage());
        war.addPackage(DicomListener.class.getPackage());
        return ShrinkWrap.create(EnterpriseArchive.class, NAME)
                .addAsModule(store)
                .addAsModule(war)
                .addAsLibrary(lib)
                .setApplicationXML(new StringAsset(APPLICATION_XML))
                .addAsManifestResource(new StringAsset(DEPLOYMENT_STRUCTURE), "jboss-deployment-structure.xml");
    }
}
