package io.github.camelrecurrente.examples.ledger;

import java.time.Duration;

import org.apache.camel.util.TimeUtils;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundle's one duration rule reads what Camel's endpoint URIs read, and names the property on anything else. */
class DurationPropertyTest {

    @Test
    void readsCamelsStyleAsCamelDoes() {
        for (String v : new String[] {"500ms", "30s", "5m", "8h", "7d", "1m30s", "1h2m3s4ms", "2d12h", "250", "0"}) {
            assertEquals(TimeUtils.toDuration(v), DurationProperty.parse("x.y", v), v);
        }
        assertEquals(Duration.ofMinutes(90), DurationProperty.parse("x.y", " 1h30m "));
    }

    @Test
    void refusesOtherStylesNamingTheProperty() {
        for (String v : new String[] {"", " ", "PT5S", "5 minutes", "5S", "-5s", "1.5s", "s", "5sm"}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> DurationProperty.parse("inbox.lease", v), v);
            assertTrue(e.getMessage().startsWith("inbox.lease must be a duration such as 500ms, 30s"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> DurationProperty.parse("inbox.lease", null));
    }
}
