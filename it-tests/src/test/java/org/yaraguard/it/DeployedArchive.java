package org.yaraguard.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;

/**
 * Base of the tests that run against the stand-in archive EAR deployed (by Arquillian, as a client) into the
 * test WildFly where prepare-wildfly.xml installed the plugin with deployment/install.sh. Every test class
 * deploys and undeploys the EAR once, so the suite also redeploys it several times without a server restart.
 * Most tests drive the C-STORE path over HTTP, which sends exact bytes: that entry point receives the bare dataset
 * and the association's AE titles and calls StoreService exactly as the archive's C-STORE SCP does; DicomListenerIT
 * drives the same path through the stand-in's DICOM listener with storescu.
 */
@ExtendWith(ArquillianExtension.class)
abstract class DeployedArchive {

    final ArchiveClient archive = new ArchiveClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return StandInArchive.ear();
    }

    /** A DCMTK sample factory working in a folder of its own. */
    static DicomSamples samples(String folder) throws IOException {
        return new DicomSamples(ItEnvironment.samplesFolder().resolve(folder));
    }
}
