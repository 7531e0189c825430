package io.github.camelrecurrente.examples.app;

import java.nio.file.Path;
import java.util.Map;

import io.github.camelrecurrente.examples.testsupport.TestStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An old property name stops the app with its new name, instead of running silently on a default. */
class RenamedPropertiesTest {

    @TempDir
    Path dir;

    @Test
    void anOldNameIsRefusedWithItsNewName() {
        Map<String, String> props = TestStacks.properties(dir);
        props.put("recurrente.webhook.inbox.lease", "PT60S");
        props.put("recurrente.webhook.inbox-retention-hours", "168");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExamplesStack.start(props));
        assertTrue(e.getMessage().contains("recurrente.webhook.inbox.lease is now inbox.lease"), e.getMessage());
        assertTrue(
                e.getMessage().contains("recurrente.webhook.inbox-retention-hours is now inbox.retention"),
                e.getMessage());
    }

    @Test
    void aDurationInAnotherStyleIsRefusedWithItsProperty() {
        Map<String, String> props = TestStacks.properties(dir);
        props.put("inbox.lease", "PT60S");
        Exception e = assertThrows(Exception.class, () -> ExamplesStack.start(props));
        Throwable t = e;
        String all = "";
        while (t != null) {
            all += t.getMessage() + " | ";
            t = t.getCause();
        }
        assertTrue(all.contains("inbox.lease must be a duration such as 500ms, 30s"), all);
    }
}
