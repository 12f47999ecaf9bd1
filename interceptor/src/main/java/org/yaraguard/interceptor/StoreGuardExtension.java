package org.yaraguard.interceptor;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.configurator.AnnotatedMethodConfigurator;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaraguard.interceptor.guard.Guard;
import org.yaraguard.interceptor.guard.ConfigurationReport;
import org.yaraguard.interceptor.guard.GuardSettings;
import org.yaraguard.settings.SettingsCheck;
import org.yaraguard.settings.Summary;

/**
 * The portable extension of the org.yaraguard global module, run by Weld in every deployment on the server. It binds
 * {@link StoreGuardInterceptor} to the ingest methods of the bean class implementing
 * {@code org.dcm4chee.arc.store.StoreService} (found by interface name: the implementation is package-private), and
 * starts a {@link Guard} for that deployment. Where no such bean exists it does nothing, and says so loudly when the
 * deployment looks like the archive (it has {@code org.dcm4chee.arc.*} classes): then nothing would be scanned.
 */
public class StoreGuardExtension implements Extension {

    private static final Logger LOG = System.getLogger("org.yaraguard");
    private static final String ARCHIVE_PACKAGE = "org.dcm4chee.arc.";

    private final List<Class<?>> hookedClasses = new ArrayList<>();
    private final List<String> hookedMethods = new ArrayList<>();
    private boolean archiveLike;
    private Guard guard;

    void addInterceptor(@Observes BeforeBeanDiscovery discovery, BeanManager beanManager) {
        discovery.addAnnotatedType(beanManager.createAnnotatedType(StoreGuardInterceptor.class),
                StoreGuardInterceptor.class.getName());
    }

    <T> void bindIngestMethods(@Observes ProcessAnnotatedType<T> event) {
        Class<T> type = event.getAnnotatedType().getJavaClass();
        if (type.getName().startsWith(ARCHIVE_PACKAGE)) {
            archiveLike = true;
        }
        if (type.isInterface() || !implementsStoreService(type)) {
            return;
        }
        List<String> bound = new ArrayList<>();
        for (AnnotatedMethodConfigurator<? super T> method : event.configureAnnotatedType().methods()) {
            Optional<IngestMethod> ingest = IngestMethod.of(method.getAnnotated().getJavaMember());
            if (ingest.isPresent()) {
                method.add(Guarded.Literal.INSTANCE);
                bound.add(ingest.get().signature());
            }
        }
        hookedClasses.add(type);
        hookedMethods.addAll(bound);
    }

    /** Whether {@code type} implements StoreService, by name: loading the interface here would tie us to it. */
    static boolean implementsStoreService(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> implemented : c.getInterfaces()) {
                if (implemented.getName().equals(IngestMethod.Names.STORE_SERVICE) || implementsStoreService(implemented)) {
                    return true;
                }
            }
        }
        return false;
    }

    void start(@Observes AfterDeploymentValidation validation) {
        if (hookedClasses.isEmpty()) {
            if (archiveLike) {
                LOG.log(Level.ERROR, "YARA Guard found NO bean implementing {0} in a deployment with {1}* classes:"
                        + " NOTHING IS SCANNED. Is this the dcm4chee-arc EAR of a supported release?",
                        IngestMethod.Names.STORE_SERVICE, ARCHIVE_PACKAGE);
            }
            return;
        }
        String refusal = null;
        try {
            GuardSettings settings = GuardSettings.fromSystemProperties();
            guard = Guard.start(settings, Clock.systemUTC(), Observers.forSettings(settings, Clock.systemUTC()));
        } catch (IllegalArgumentException e) {
            refusal = e.getMessage();
        }
        reportProblems(refusal);
        for (Class<?> beanClass : hookedClasses) {
            try {
                StoreGate gate = ArchiveLoader.newGate(beanClass.getClassLoader(),
                        new Class<?>[] {Guard.class, String.class}, guard, refusal);
                GateRegistry.register(beanClass, gate);
            } catch (ReflectiveOperationException | LinkageError e) {
                validation.addDeploymentProblem(new IllegalStateException(
                        "YARA Guard cannot link its hook against the archive classes of " + beanClass.getName(), e));
                return;
            }
        }
        LOG.log(Level.INFO, "YARA Guard hooked {0}: {1}; rule set {2}; configuration: {3}", hookedClasses.stream()
                .map(Class::getName).toList(), hookedMethods.stream().sorted().toList(),
                guard == null ? "none (configuration invalid, see the error above)"
                        : guard.ruleSet().map(r -> r.id()).orElse("none (see the error above)"),
                Summary.of(SettingsCheck.effective(System::getProperty, SettingsCheck::systemLookup)));
    }

    /** Logs every problem of the configuration in one ERROR line (see {@link ConfigurationReport}). */
    private static void reportProblems(String refusal) {
        ConfigurationReport.errorLine(ConfigurationReport.configured(System.getProperties()), refusal,
                new SettingsCheck(SettingsCheck.Context.server())).ifPresent(line -> LOG.log(Level.ERROR, "{0}", line));
    }

    void stop(@Observes BeforeShutdown shutdown) {
        hookedClasses.forEach(GateRegistry::unregister);
        if (guard != null) {
            guard.close();
            guard = null;
        }
    }
}
