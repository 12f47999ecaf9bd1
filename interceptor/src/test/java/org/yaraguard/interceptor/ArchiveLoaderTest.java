package org.yaraguard.interceptor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;
import org.yaraguard.interceptor.guard.Guard;

class ArchiveLoaderTest {

    @Test
    void theGateLinksAgainstTheArchiveLoadersClassesAndTheModulesOwn() throws Exception {
        URL archiveApi = org.dcm4che3.data.Attributes.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader archive = new URLClassLoader("archive", new URL[] {archiveApi},
                ClassLoader.getPlatformClassLoader())) {

            StoreGate gate = ArchiveLoader.newGate(archive, new Class<?>[] {Guard.class, String.class}, null, "test");

            ClassLoader bridge = gate.getClass().getClassLoader();
            assertThat(bridge).isInstanceOf(ArchiveLoader.class);
            assertThat(bridge.loadClass("org.dcm4che3.data.Attributes").getClassLoader()).isSameAs(archive);
            assertThat(bridge.loadClass("org.dcm4chee.arc.store.StoreContext").getClassLoader()).isSameAs(archive);
            assertThat(bridge.loadClass(Guard.class.getName())).isSameAs(Guard.class);
            assertThat(bridge.loadClass(StoreGate.class.getName())).isSameAs(StoreGate.class);
        }
    }
}
