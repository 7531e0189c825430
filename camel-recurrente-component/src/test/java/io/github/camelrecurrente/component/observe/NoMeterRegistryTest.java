package io.github.camelrecurrente.component.observe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelrecurrente.component.RecurrenteComponent;
import io.github.camelrecurrente.component.RecurrenteEndpoint;
import io.github.camelrecurrente.component.SandboxTestSupport;
import io.github.camelrecurrente.component.model.Checkout;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Without a MeterRegistry the component works and records nothing to Micrometer (the console still counts); and
 * only one class of the component refers to Micrometer at all, so an application without it never loads it.
 */
class NoMeterRegistryTest extends SandboxTestSupport {

    @Test
    void worksWithoutAnyMeterRegistry() {
        String id = sandbox.createCheckout(2500, "GTQ");
        Checkout c = callOk("recurrente:getCheckout?id=" + id, null, Map.of(), Checkout.class);
        assertEquals(id, c.getId());

        RecurrenteComponent component = context.getComponent("recurrente", RecurrenteComponent.class);
        assertSame(Meters.NONE, component.getObservability().meters(), "nothing to record to");
        RecurrenteEndpoint endpoint = context.getEndpoint("recurrente:getCheckout?id=" + id, RecurrenteEndpoint.class);
        assertEquals(1L, endpoint.getObserver().api().totalCalls(), "the dev console still counts");
    }

    @Test
    void onlyMicrometerMetersRefersToMicrometer() throws IOException {
        Path classes = Paths.get(RecurrenteComponent.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .getPath());
        List<String> referring;
        try (Stream<Path> files = Files.walk(classes)) {
            referring = files.filter(p -> p.toString().endsWith(".class"))
                    .filter(NoMeterRegistryTest::mentionsMicrometer)
                    .map(p -> classes.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
        assertEquals(List.of("io/github/camelrecurrente/component/observe/MicrometerMeters.class"), referring);
    }

    private static boolean mentionsMicrometer(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains("io/micrometer/");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
