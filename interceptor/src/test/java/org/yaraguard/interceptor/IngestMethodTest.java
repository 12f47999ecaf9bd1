package org.yaraguard.interceptor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import org.dcm4chee.arc.store.StoreService;
import org.junit.jupiter.api.Test;

class IngestMethodTest {

    @Test
    void recognisesEveryIngestMethodOfTheArchiveInterfaceByName() {
        assertThat(Arrays.stream(StoreService.class.getMethods()).map(IngestMethod::of))
                .allMatch(java.util.Optional::isPresent)
                .extracting(java.util.Optional::get)
                .containsExactlyInAnyOrder(IngestMethod.values());
    }

    @Test
    void ignoresOtherMethods() throws NoSuchMethodException {
        Method toString = Object.class.getMethod("toString");
        Method wait = Object.class.getMethod("wait", long.class);

        assertThat(IngestMethod.of(toString)).isEmpty();
        assertThat(IngestMethod.of(wait)).isEmpty();
    }

    @Test
    void findsStoreServiceImplementationsByInterfaceName() {
        abstract class Impl implements StoreService {
        }
        abstract class Sub extends Impl {
        }

        assertThat(StoreGuardExtension.implementsStoreService(Sub.class)).isTrue();
        assertThat(StoreGuardExtension.implementsStoreService(String.class)).isFalse();
    }
}
