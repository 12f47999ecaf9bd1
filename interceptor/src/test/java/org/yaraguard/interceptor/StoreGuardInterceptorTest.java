package org.yaraguard.interceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.function.Consumer;
import org.dcm4che3.data.Attributes;
import org.dcm4che3.net.service.DicomServiceException;
import org.dcm4chee.arc.storage.ReadContext;
import org.dcm4chee.arc.store.StoreContext;
import org.dcm4chee.arc.store.StoreService;
import org.junit.jupiter.api.Test;
import org.yaraguard.interceptor.arc.Call;

class StoreGuardInterceptorTest {

    /** A hooked archive bean whose deployment has no gate registered (yet, or any more). */
    private static final class UngatedArchive implements StoreService {
        @Override
        public void store(StoreContext ctx, InputStream data) {
        }

        @Override
        public void store(StoreContext ctx, InputStream data, Consumer<Attributes> coerce) {
        }

        @Override
        public void store(StoreContext ctx, Attributes attrs) {
        }

        @Override
        public void importInstanceOnStorage(StoreContext ctx, Attributes attrs, ReadContext readCtx) {
        }

        @Override
        public String toString() {
            return "archive";
        }
    }

    @Test
    void anIngestCallWithNoGateIsRefusedNotPassedUnscanned() throws Exception {
        Call call = new Call(StoreService.class.getMethod("store", StoreContext.class, InputStream.class),
                p -> "stored", null, new ByteArrayInputStream(new byte[] {1, 2, 3})).on(new UngatedArchive());

        assertThatThrownBy(() -> new StoreGuardInterceptor().guard(call))
                .isInstanceOfSatisfying(DicomServiceException.class, e -> {
                    assertThat(e.getStatus()).isEqualTo(0xA700);
                    assertThat(e.getMessage()).isEqualTo("YARA Guard: not ready, try again");
                });
        assertThat(call.proceeded()).isZero();
    }

    @Test
    void anyOtherMethodOfTheBeanGoesOn() throws Exception {
        Call call = new Call(Object.class.getMethod("toString"), p -> "archive").on(new UngatedArchive());

        assertThat(new StoreGuardInterceptor().guard(call)).isEqualTo("archive");
    }
}
