package dev.trailindex;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints why a test or test class did not run (a skip, or an assumption that failed: no corpus, no Chromium), so
 * the console says it, not only the XML reports. Registered in META-INF/services.
 */
public final class SkipReasons implements TestExecutionListener {
    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        System.out.println("[SKIPPED] " + test.getDisplayName() + ": " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            System.out.println("[SKIPPED] " + test.getDisplayName() + ": "
                    + result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }
}
