package io.github.camelrecurrente.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.camelrecurrente.component.RecurrenteComponent;
import io.github.camelrecurrente.component.RecurrenteConstants;
import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.CheckoutRequest;
import io.github.camelrecurrente.component.model.RecurrenteJson;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/** The contenders of the producer benchmark: each gets a checkout by id and creates one, into the typed model. */
final class Clients {

    private Clients() {}

    /** One way to call the API. Implementations are thread-safe. */
    interface Client extends AutoCloseable {
        String name();

        Checkout get(String id) throws Exception;

        Checkout create(CheckoutRequest request) throws Exception;

        @Override
        void close();
    }

    static final ObjectMapper MAPPER = RecurrenteJson.mapper();
    static final ObjectReader CHECKOUT_READER = MAPPER.readerFor(Checkout.class);

    // ------------------------------------------------------------------ hand-written Apache HttpClient 5 + Jackson

    /** What a careful developer writes by hand: pooled HttpClient 5 classic, bytes straight into the model. */
    static final class HandWrittenHc5 implements Client {
        private final String base;
        private final String key;
        private final CloseableHttpClient http;
        private final AtomicLong seq = new AtomicLong();

        HandWrittenHc5(String base, String key) {
            this.base = base;
            this.key = key;
            this.http = HttpClients.custom()
                    .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                            .setMaxConnTotal(20)
                            .setMaxConnPerRoute(20)
                            .setDefaultSocketConfig(
                                    SocketConfig.custom().setTcpNoDelay(true).build())
                            .setDefaultConnectionConfig(ConnectionConfig.custom()
                                    .setConnectTimeout(Timeout.ofSeconds(10))
                                    .setSocketTimeout(Timeout.ofSeconds(30))
                                    .build())
                            .build())
                    .setDefaultRequestConfig(RequestConfig.custom()
                            .setResponseTimeout(Timeout.ofSeconds(30))
                            .build())
                    .disableAutomaticRetries()
                    .disableCookieManagement()
                    .disableRedirectHandling()
                    .disableAuthCaching()
                    .build();
        }

        @Override
        public String name() {
            return "hand-written HttpClient 5 + Jackson";
        }

        @Override
        public Checkout get(String id) throws IOException {
            HttpGet get = new HttpGet(base + "/checkouts/" + id);
            get.setHeader("Accept", "application/json");
            get.setHeader("X-SECRET-KEY", key);
            return http.execute(get, HandWrittenHc5::decode);
        }

        @Override
        public Checkout create(CheckoutRequest request) throws IOException {
            HttpPost post = new HttpPost(base + "/checkouts");
            post.setHeader("Accept", "application/json");
            post.setHeader("X-SECRET-KEY", key);
            post.setHeader("Idempotency-Key", "hc5-" + seq.incrementAndGet());
            post.setEntity(new ByteArrayEntity(MAPPER.writeValueAsBytes(request), ContentType.APPLICATION_JSON));
            return http.execute(post, HandWrittenHc5::decode);
        }

        private static Checkout decode(ClassicHttpResponse response) throws IOException {
            byte[] body = EntityUtils.toByteArray(response.getEntity());
            if (response.getCode() >= 300) {
                throw new IOException("HTTP " + response.getCode() + ": " + new String(body));
            }
            return CHECKOUT_READER.readValue(body);
        }

        @Override
        public void close() {
            http.close(CloseMode.GRACEFUL);
        }
    }

    // ------------------------------------------------------------------ raw JDK java.net.http.HttpClient

    static final class RawJdk implements Client {
        private final String base;
        private final String key;
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        private final AtomicLong seq = new AtomicLong();

        RawJdk(String base, String key) {
            this.base = base;
            this.key = key;
        }

        @Override
        public String name() {
            return "raw JDK java.net.http.HttpClient + Jackson";
        }

        @Override
        public Checkout get(String id) throws Exception {
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/checkouts/" + id))
                    .header("Accept", "application/json")
                    .header("X-SECRET-KEY", key)
                    .GET()
                    .build();
            return decode(send(req));
        }

        @Override
        public Checkout create(CheckoutRequest request) throws Exception {
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/checkouts"))
                    .header("Accept", "application/json")
                    .header("X-SECRET-KEY", key)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "jdk-" + seq.incrementAndGet())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(request)))
                    .build();
            return decode(send(req));
        }

        /**
         * The JDK 17 client does not retry a POST when the pooled connection it picked was closed under it (it then
         * fails with "header parser received no bytes"); like practical code, retry once (same Idempotency-Key).
         */
        private HttpResponse<byte[]> send(HttpRequest req) throws Exception {
            try {
                return http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                RETRIES.incrementAndGet();
                return http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            }
        }

        static final AtomicLong RETRIES = new AtomicLong();

        private static Checkout decode(HttpResponse<byte[]> r) throws IOException {
            if (r.statusCode() >= 300) {
                throw new IOException("HTTP " + r.statusCode() + ": " + new String(r.body()));
            }
            return CHECKOUT_READER.readValue(r.body());
        }

        @Override
        public void close() {
            // the JDK 17 client has no close()
        }
    }

    // ------------------------------------------------------------------ the Camel routes

    /**
     * One CamelContext with the routes users would write by hand with camel-http + camel-jackson, and the
     * recurrente: routes; all called through a ProducerTemplate on a pre-resolved direct: endpoint.
     */
    static final class CamelRoutes implements AutoCloseable {
        final CamelContext context;
        final ProducerTemplate template;

        CamelRoutes(String base, String key) throws Exception {
            context = new DefaultCamelContext();
            context.getComponent("recurrente", RecurrenteComponent.class)
                    .getConfiguration()
                    .setBaseUrl(base);
            context.getComponent("recurrente", RecurrenteComponent.class)
                    .getConfiguration()
                    .setSecretKey(key);
            JacksonDataFormat checkoutJson = new JacksonDataFormat(MAPPER, Checkout.class);
            JacksonDataFormat requestJson = new JacksonDataFormat(MAPPER, CheckoutRequest.class);
            String host = base.substring(0, base.indexOf("/api"));
            AtomicLong seq = new AtomicLong();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // what users write instead of a component: direct -> http -> unmarshal json
                    from("direct:camelHttpGet")
                            .setHeader("X-SECRET-KEY", constant(key))
                            .setHeader("Accept", constant("application/json"))
                            .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                            .setHeader(Exchange.HTTP_PATH, simple("/api/checkouts/${header.CamelRecurrenteId}"))
                            .to(host)
                            .unmarshal(checkoutJson);
                    from("direct:camelHttpCreate")
                            .marshal(requestJson)
                            .setHeader("X-SECRET-KEY", constant(key))
                            .setHeader("Accept", constant("application/json"))
                            .process(e -> e.getMessage().setHeader("Idempotency-Key", "http-" + seq.incrementAndGet()))
                            .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                            .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                            .to(base + "/checkouts")
                            .unmarshal(checkoutJson);
                    // the same routes with the method header as the enum camel-http wants: no String -> enum
                    // conversion per exchange (see docs/performance.md)
                    from("direct:camelHttpEnumGet")
                            .setHeader("X-SECRET-KEY", constant(key))
                            .setHeader("Accept", constant("application/json"))
                            .setHeader(Exchange.HTTP_METHOD, constant(HttpMethods.GET))
                            .setHeader(Exchange.HTTP_PATH, simple("/api/checkouts/${header.CamelRecurrenteId}"))
                            .to(host)
                            .unmarshal(checkoutJson);
                    from("direct:camelHttpEnumCreate")
                            .marshal(requestJson)
                            .setHeader("X-SECRET-KEY", constant(key))
                            .setHeader("Accept", constant("application/json"))
                            .process(e -> e.getMessage().setHeader("Idempotency-Key", "http-" + seq.incrementAndGet()))
                            .setHeader(Exchange.HTTP_METHOD, constant(HttpMethods.POST))
                            .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                            .to(base + "/checkouts")
                            .unmarshal(checkoutJson);
                    // the component
                    from("direct:recurrenteGet").to("recurrente:getCheckout");
                    from("direct:recurrenteCreate").to("recurrente:createCheckout");
                }
            });
            context.start();
            template = context.createProducerTemplate();
        }

        @Override
        public void close() {
            try {
                template.close();
            } catch (Exception e) {
                // ignore
            }
            try {
                context.close();
            } catch (Exception e) {
                // ignore
            }
        }
    }

    /** A Camel contender: a direct: (or recurrente:) endpoint called with a ProducerTemplate. */
    static final class CamelClient implements Client {
        private final String name;
        private final ProducerTemplate template;
        private final Endpoint get;
        private final Endpoint create;

        CamelClient(String name, CamelRoutes routes, String getUri, String createUri) {
            this.name = name;
            this.template = routes.template;
            this.get = routes.context.getEndpoint(getUri);
            this.create = routes.context.getEndpoint(createUri);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Checkout get(String id) {
            Object out = template.requestBodyAndHeader(get, null, RecurrenteConstants.ID, id);
            return (Checkout) out;
        }

        @Override
        public Checkout create(CheckoutRequest request) {
            return (Checkout) template.requestBody(create, request);
        }

        @Override
        public void close() {
            // the routes own the context
        }
    }
}
