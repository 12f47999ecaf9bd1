package org.yaraguard.it;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Undeploy and redeploy of the archive EAR without a server restart: the plugin (its extension, JNA and libyara)
 * still scans the redeployed archive, with the stand-in StoreService bean of the new class loader, and says in
 * the server log which bean it hooked each time.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "it.install.plugin", matches = "true")
class RedeployIT {

    private static final String DEPLOYMENT = "redeployed-archive";
    private final ArchiveClient archive = new ArchiveClient();

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return StandInArchive.ear();
    }

    @Test
    void redeployedArchiveIsStillScanned() throws Exception {
        DicomSamples samples = DeployedArchive.samples("redeploy");
        DicomSample polyglot = samples.image("pe", 501, null).withPreamble("pe", DicomSamples.pePreamble());
        DicomSample clean = samples.image("clean", 502, null);

        for (int round = 0; round < 3; round++) {
            long logSize = Files.size(ItEnvironment.serverLog());
            deployer.deploy(DEPLOYMENT);
            try {
                assertThat(logSince(logSize)).as("round %s: the extension says which bean it hooked", round)
                        .contains("StandInStoreService");
                StoreOutcome refused = archive.stow(polyglot.variant(510 + round).part10(), null);
                StoreOutcome stored = archive.stow(clean.variant(520 + round).part10(), null);
                assertThat(refused.refused()).as("round %s: %s", round, refused).isTrue();
                assertThat(refused.message()).contains("preamble_pe_executable");
                assertThat(stored.stored()).as("round %s: %s", round, stored).isTrue();
            } finally {
                deployer.undeploy(DEPLOYMENT);
            }
        }
    }

    private static String logSince(long offset) throws Exception {
        byte[] log = Files.readAllBytes(ItEnvironment.serverLog());
        int start = (int) Math.min(offset, log.length);
        return new String(log, start, log.length - start, StandardCharsets.UTF_8);
    }
}
