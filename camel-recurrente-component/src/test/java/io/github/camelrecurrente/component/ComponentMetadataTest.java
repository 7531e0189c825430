package io.github.camelrecurrente.component;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.github.camelrecurrente.component.model.ApiMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated metadata is what Camel uses: configurers (not reflection), the URI factory behind YAML, and the
 * sanitised endpoint URI.
 */
class ComponentMetadataTest extends SandboxTestSupport {

    @Test
    void generatedConfigurersAreUsed() {
        RecurrenteComponent component = context.getComponent("recurrente", RecurrenteComponent.class);
        PropertyConfigurer endpointConfigurer = component.getEndpointPropertyConfigurer();
        assertInstanceOf(RecurrenteEndpointConfigurer.class, endpointConfigurer);
        PropertyConfigurer componentConfigurer =
                PluginHelper.getConfigurerResolver(context).resolvePropertyConfigurer("recurrente-component", context);
        assertInstanceOf(RecurrenteComponentConfigurer.class, componentConfigurer);
        EndpointUriFactory factory = context.getCamelContextExtension().getEndpointUriFactory("recurrente");
        assertInstanceOf(RecurrenteEndpointUriFactory.class, factory);
        assertTrue(factory.secretPropertyNames().contains("secretKey"));
        assertTrue(factory.secretPropertyNames().contains("webhookSecret"));
    }

    @Test
    void componentOptionsAreBoundThroughTheConfigurer() throws Exception {
        CamelContext ctx = context;
        RecurrenteComponent c = new RecurrenteComponent();
        ctx.addComponent("recurrente-props", c);
        PropertyConfigurer configurer = c.getComponentPropertyConfigurer();
        assertNotNull(configurer);
        assertTrue(configurer.configure(ctx, c, "secretKey", "sk_test_x", true));
        assertTrue(configurer.configure(ctx, c, "requestTimeout", "5s", true));
        assertTrue(configurer.configure(ctx, c, "updateMethod", "PUT", true));
        assertEquals("sk_test_x", c.getConfiguration().getSecretKey());
        assertEquals(5000, c.getConfiguration().getRequestTimeout());
        assertEquals("PUT", c.getConfiguration().getUpdateMethod());
    }

    @Test
    void endpointCopiesComponentDefaultsAndOverridesThem() {
        RecurrenteEndpoint e =
                context.getEndpoint("recurrente:getCheckout?requestTimeout=2s&items=5", RecurrenteEndpoint.class);
        assertEquals(RecurrenteOperation.getCheckout, e.getConfiguration().getOperation());
        assertEquals(2000, e.getConfiguration().getRequestTimeout());
        assertEquals(SK, e.getConfiguration().getSecretKey(), "component default copied");
        RecurrenteComponent component = context.getComponent("recurrente", RecurrenteComponent.class);
        assertEquals(30000, component.getConfiguration().getRequestTimeout(), "component default unchanged");
        assertEquals(null, component.getConfiguration().getItems());
    }

    @Test
    void unknownOperationNamesTheValidOnes() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(
                Exception.class, () -> context.getEndpoint("recurrente:createCheckouts"));
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("unknown operation 'createCheckouts'"), cause.getMessage());
        assertTrue(cause.getMessage().contains("createCheckout"), cause.getMessage());
    }

    @Test
    void secretsNeverAppearInTheEndpointUriOrToString() {
        String secret = "sk_live_supersecret_998877";
        Endpoint e = context.getEndpoint("recurrente:getCheckout?secretKey=" + secret + "&publicKey=pk_live_abc"
                + "&webhookSecret=whsec_c2VjcmV0c2VjcmV0");
        assertFalse(e.toString().contains(secret), e.toString());
        assertFalse(e.toString().contains("whsec_c2VjcmV0c2VjcmV0"), e.toString());
        RecurrenteEndpoint re = (RecurrenteEndpoint) e;
        assertFalse(re.getConfiguration().toString().contains(secret));
        assertFalse(re.getConfiguration().toString().contains("pk_live_abc"));
        assertFalse(re.getClient().toString().contains(secret));
        assertFalse(re.clientSettings().toString().contains(secret));
    }

    @Test
    void yamlRouteWithUriAndParametersWorks() throws Exception {
        String yaml = """
                - route:
                    id: yaml-test-credentials
                    from:
                      uri: direct:yaml
                      steps:
                        - to:
                            uri: recurrente
                            parameters:
                              operation: testCredentials
                              baseUrl: "%s"
                              secretKey: "%s"
                              publicKey: "%s"
                """.formatted(sandbox.baseUrl(), SK2, PK2);
        Resource resource = ResourceHelper.fromBytes("yaml-route.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        PluginHelper.getRoutesLoader(context).loadRoutes(resource);
        ApiMessage msg = template.requestBody("direct:yaml", null, ApiMessage.class);
        assertTrue(msg.getMessage().contains("Tienda Dos"), msg.getMessage());
        assertEquals(SK2, lastApiRequest().header("X-SECRET-KEY"));
        String uri = context.getRoute("yaml-test-credentials").getEndpoint().getEndpointUri();
        assertNotNull(uri);
    }

    @Test
    void uriFactoryPutsTheOperationInThePath() throws Exception {
        EndpointUriFactory factory = context.getCamelContextExtension().getEndpointUriFactory("recurrente");
        String built = factory.buildUri("recurrente", Map.of("operation", "getCheckout", "id", "ch_1"), false);
        assertTrue(built.startsWith("recurrente:getCheckout"), built);
        assertTrue(built.contains("id=ch_1"), built);
    }
}
