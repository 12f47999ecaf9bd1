package org.yaraguard.console;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.yaraguard.review.QuarantineReview;
import org.yaraguard.review.ReviewSettings;
import org.yaraguard.review.StowClient;

/**
 * Builds the review from the system properties at deployment and runs the retention purge every hour on the
 * server's managed scheduler (only when {@code yara-guard.retention.days} is above 0).
 */
@WebListener
public class ConsoleContext implements ServletContextListener {

    private static final System.Logger LOG = System.getLogger("org.yaraguard.console");
    private static final String REVIEW = "org.yaraguard.console.review";
    private static final String QUARANTINE = "org.yaraguard.console.quarantine";
    private static final String HUNTS = "org.yaraguard.console.hunts";

    @Resource
    private ManagedScheduledExecutorService scheduler;
    private ScheduledFuture<?> retention;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ReviewSettings settings = ReviewSettings.fromSystemProperties();
        QuarantineReview review = new QuarantineReview(settings, StowClient.configured(System.getProperties()),
                Clock.systemUTC());
        event.getServletContext().setAttribute(REVIEW, review);
        event.getServletContext().setAttribute(QUARANTINE, settings.quarantineDir());
        HuntsFolder hunts = HuntsFolder.from(System.getProperties());
        event.getServletContext().setAttribute(HUNTS, hunts);
        LOG.log(System.Logger.Level.INFO, "YARA Guard console: quarantine {0}, findings log {1}, approvals {2}, "
                + "STOW-RS {3}, retention {4} days, hunt reports {5}", settings.quarantineDir(), settings.findingsLog(),
                settings.approvalDir(), settings.stowUrl(), settings.retentionDays(), hunts.folder());
        if (settings.retentionDays() > 0 && scheduler != null) {
            retention = scheduler.scheduleWithFixedDelay(() -> purgeExpired(review), 1, 60, TimeUnit.MINUTES);
        }
    }

    private static void purgeExpired(QuarantineReview review) {
        try {
            List<String> purged = review.applyRetention();
            if (!purged.isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "YARA Guard retention purged {0} entries", purged.size());
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, "YARA Guard retention failed: {0}", e.toString());
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (retention != null) {
            retention.cancel(false);
        }
    }

    /** The quarantine folder, where the hook also leaves its rules status. */
    static Path quarantineDir(ServletContext context) {
        return (Path) context.getAttribute(QUARANTINE);
    }

    static HuntsFolder hunts(ServletContext context) {
        return (HuntsFolder) context.getAttribute(HUNTS);
    }

    static QuarantineReview review(ServletContext context) {
        return (QuarantineReview) context.getAttribute(REVIEW);
    }
}
