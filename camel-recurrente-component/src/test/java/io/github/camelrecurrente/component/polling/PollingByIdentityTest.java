package io.github.camelrecurrente.component.polling;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.github.camelrecurrente.component.RecurrenteComponent;
import io.github.camelrecurrente.component.RecurrenteConfiguration;
import io.github.camelrecurrente.component.model.Coupon;
import io.github.camelrecurrente.component.model.Customer;
import io.github.camelrecurrente.component.model.Product;
import io.github.camelrecurrente.component.support.DocumentedListServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelrecurrente.component.polling.PollingTestSupport.await;
import static io.github.camelrecurrente.component.polling.PollingTestSupport.awaitExactly;
import static io.github.camelrecurrente.component.polling.PollingTestSupport.fewPolls;
import static io.github.camelrecurrente.component.polling.PollingTestSupport.ids;
import static io.github.camelrecurrente.component.polling.PollingTestSupport.sink;
import static io.github.camelrecurrente.component.polling.PollingTestSupport.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Polling by identity against a loopback server that answers exactly the documented shapes: products, coupons and
 * customers without created_at. The first poll is a baseline; items that appear later are emitted once, across
 * restarts (file and JDBC state repositories) and across two nodes sharing a repository under {@code master:}.
 */
class PollingByIdentityTest {

    private static final String SK = "sk_test_identity_SECRET_77";

    @TempDir
    Path dir;

    private DocumentedListServer api;
    private final List<CamelContext> contexts = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        api = new DocumentedListServer();
    }

    @AfterEach
    void stopAll() {
        for (CamelContext c : contexts) {
            try {
                c.stop();
            } catch (RuntimeException e) {
                // best effort
            }
        }
        api.close();
    }

    @Test
    void documentedShapesArePolledWithoutErrorsAndOnlyNewItemsAreEmitted() throws Exception {
        for (int i = 0; i < 5; i++) {
            api.addProduct("Existente " + i);
            api.addCoupon("VIEJO" + i);
            api.addCustomer("viejo" + i + "@example.com");
        }
        List<Exchange> products = sink();
        List<Exchange> coupons = sink();
        List<Exchange> customers = sink();
        CamelContext ctx = newContext();
        route(ctx, "products", uri("listProducts", "items=2"), products);
        route(ctx, "coupons", uri("listCoupons", "items=2"), coupons);
        route(ctx, "customers", uri("listCustomers", "items=2"), customers);
        ctx.start();
        fewPolls();
        assertEquals(0, products.size() + coupons.size() + customers.size(), "the baseline is not emitted");
        for (String id : List.of("products", "coupons", "customers")) {
            RecurrentePollingConsumer consumer =
                    (RecurrentePollingConsumer) ctx.getRoute(id).getConsumer();
            assertEquals(0, consumer.getErrorCounter(), id + ": no poll failed on the documented shape");
            assertTrue(consumer.isConsumerReady(), id);
        }

        String p1 = api.addProduct("Nuevo 1");
        String p2 = api.addProduct("Nuevo 2");
        String c1 = api.addCoupon("NUEVO");
        String u1 = api.addCustomer("nueva@example.com");
        awaitExactly(products, 2);
        awaitExactly(coupons, 1);
        awaitExactly(customers, 1);
        assertEquals(List.of(p1, p2), ids(products), "oldest first (the reverse of the newest-first list)");
        Product product =
                assertInstanceOf(Product.class, products.get(0).getMessage().getBody());
        assertEquals("Nuevo 1", product.getName());
        assertNull(product.getCreatedAt());
        assertEquals("new", products.get(0).getMessage().getHeader(RecurrentePollingConsumer.POLL_EVENT));
        assertEquals(
                c1,
                assertInstanceOf(Coupon.class, coupons.get(0).getMessage().getBody())
                        .getId());
        assertEquals(
                u1,
                assertInstanceOf(Customer.class, customers.get(0).getMessage().getBody())
                        .getId());

        // a deleted item and the next new one: nothing again, the new one once
        api.remove("products", p1);
        String p3 = api.addProduct("Nuevo 3");
        awaitExactly(products, 3);
        assertEquals(p3, ids(products).get(2));
    }

    @Test
    void emitExistingItemsEmitsTheBaselineOnce() throws Exception {
        String a = api.addProduct("A");
        String b = api.addProduct("B");
        List<Exchange> got = sink();
        CamelContext ctx = newContext();
        route(ctx, "products", uri("listProducts", "emitExistingItems=true"), got);
        ctx.start();
        awaitExactly(got, 2);
        assertEquals(List.of(a, b), ids(got));
    }

    @Test
    void fileStateRepositoryKeepsTheSeenIdsAcrossRestarts() throws Exception {
        File file = dir.resolve("state.dat").toFile();
        api.addProduct("Existente");
        String uri = uri("listProducts", "stateRepository=#state");

        List<Exchange> first = sink();
        CamelContext one = newContext();
        one.getRegistry().bind("state", FileStateRepository.fileStateRepository(file));
        route(one, "product-sync", uri, first);
        one.start();
        fewPolls();
        String p1 = api.addProduct("Nuevo 1");
        awaitExactly(first, 1);
        one.stop();

        String p2 = api.addProduct("Creado con la app detenida");
        String stored = Files.readString(file.toPath());
        assertTrue(stored.contains(p1), stored);
        assertFalse(stored.contains(SK));

        List<Exchange> second = sink();
        CamelContext two = newContext();
        two.getRegistry().bind("state", FileStateRepository.fileStateRepository(file));
        route(two, "product-sync", uri, second);
        two.start();
        awaitExactly(second, 1);
        assertEquals(List.of(p1), ids(first));
        assertEquals(List.of(p2), ids(second), "only the item created while the app was down");
    }

    @Test
    void jdbcStateRepositoryKeepsTheSeenIdsAcrossRestarts() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        api.addCoupon("EXISTENTE");
        String uri = uri("listCoupons", "stateRepository=#state");

        List<Exchange> first = sink();
        CamelContext one = newContext();
        JdbcStateRepository repo = new JdbcStateRepository(ds);
        repo.setCreateTable(true);
        one.getRegistry().bind("state", repo);
        route(one, "coupon-sync", uri, first);
        one.start();
        fewPolls();
        String c1 = api.addCoupon("NUEVO1");
        awaitExactly(first, 1);
        one.stop();
        String c2 = api.addCoupon("NUEVO2");

        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT STATE_VALUE FROM CAMEL_RECURRENTE_STATE"
                        + " WHERE STATE_KEY = 'recurrente.coupon-sync'")) {
            assertTrue(rs.next());
            String value = rs.getString(1);
            assertTrue(value.contains(c1) && value.contains("\"baseline\":true"), value);
        }

        List<Exchange> second = sink();
        CamelContext two = newContext();
        two.getRegistry().bind("state", new JdbcStateRepository(ds));
        route(two, "coupon-sync", uri, second);
        two.start();
        awaitExactly(second, 1);
        assertEquals(List.of(c2), ids(second));
    }

    @Test
    void twoNodesSharingTheRepositoryUnderMasterEmitEachNewItemOnce() throws Exception {
        File stateFile = dir.resolve("shared-state.dat").toFile();
        api.addCustomer("existente@example.com");
        String uri = "master:recurrente-customers:" + uri("listCustomers", "stateRepository=#state");
        List<Exchange> gotA = sink();
        List<Exchange> gotB = sink();
        CamelContext a = node("node-a", stateFile, uri, gotA);
        CamelContext b = node("node-b", stateFile, uri, gotB);
        a.start();
        b.start();
        // wait until one of them holds the lock and took the baseline
        await(
                "a baseline in the shared state",
                Duration.ofSeconds(20),
                () -> stateFile.exists() && readQuietly(stateFile).contains("\"baseline\":true"));
        String first = api.addCustomer("primera@example.com");
        await("the leader to emit", Duration.ofSeconds(20), () -> gotA.size() + gotB.size() >= 1);
        boolean aLeads = !gotA.isEmpty();
        List<Exchange> leader = aLeads ? gotA : gotB;
        List<Exchange> follower = aLeads ? gotB : gotA;

        (aLeads ? a : b).stop();
        String second = api.addCustomer("segunda@example.com");
        await("the follower to take over", Duration.ofSeconds(20), () -> !follower.isEmpty());
        sleep(600);
        assertEquals(List.of(first), ids(leader));
        assertEquals(List.of(second), ids(follower), "the follower emitted only the new item");
    }

    @Test
    void statusChangeModeComparesTheStoredStatus() throws Exception {
        String p = api.addProduct("Plan");
        List<Exchange> got = sink();
        CamelContext ctx = newContext();
        route(ctx, "products", uri("listProducts", "emitStatusChanges=true"), got);
        ctx.start();
        fewPolls();
        assertEquals(0, got.size());
        api.setStatus("products", p, "archived");
        awaitExactly(got, 1);
        Exchange change = got.get(0);
        assertEquals(p, change.getMessage().getHeader("CamelRecurrenteId"));
        assertEquals("statusChange", change.getMessage().getHeader(RecurrentePollingConsumer.POLL_EVENT));
        assertEquals("active", change.getMessage().getHeader(RecurrentePollingConsumer.PREVIOUS_STATUS));
        assertEquals("archived", change.getMessage().getBody(Product.class).getStatus());
    }

    @Test
    void anUndatedItemOfATimeOrderedListIsPolledByIdentityWithoutFailingThePoll() throws Exception {
        api.addItem("checkouts", "{\"id\":\"ch_old\",\"status\":\"unpaid\"}");
        List<Exchange> got = sink();
        CamelContext ctx = newContext();
        route(ctx, "checkouts", uri("listCheckouts", "items=10"), got);
        ctx.start();
        fewPolls();
        RecurrentePollingConsumer consumer =
                (RecurrentePollingConsumer) ctx.getRoute("checkouts").getConsumer();
        assertEquals(0, got.size(), "the undated item of the first poll is the baseline");
        assertEquals(0, consumer.getErrorCounter());
        api.addItem("checkouts", "{\"id\":\"ch_new\",\"status\":\"unpaid\"}");
        awaitExactly(got, 1);
        assertEquals(List.of("ch_new"), ids(got));
    }

    @Test
    void aListLargerThanMaxSeenIdsFailsThePollInsteadOfEmittingAgain() throws Exception {
        for (int i = 0; i < 4; i++) {
            api.addProduct("P" + i);
        }
        List<Exchange> got = sink();
        CamelContext ctx = newContext();
        route(ctx, "products", uri("listProducts", "maxSeenIds=3&emitExistingItems=true"), got);
        ctx.start();
        RecurrentePollingConsumer consumer =
                (RecurrentePollingConsumer) ctx.getRoute("products").getConsumer();
        await("failed polls", Duration.ofSeconds(10), () -> consumer.getErrorCounter() > 0);
        assertEquals(0, got.size());

        // the same bound for undated items of a time-ordered list (the documented unified intents)
        for (int i = 0; i < 4; i++) {
            api.addItem("intents", "{\"id\":\"in_" + i + "\",\"type\":\"payment\",\"status\":\"succeeded\"}");
        }
        List<Exchange> intents = sink();
        route(ctx, "intents", uri("listIntents", "maxSeenIds=3&emitExistingItems=true"), intents);
        RecurrentePollingConsumer intentConsumer =
                (RecurrentePollingConsumer) ctx.getRoute("intents").getConsumer();
        await("failed intent polls", Duration.ofSeconds(10), () -> intentConsumer.getErrorCounter() > 0);
        assertEquals(0, intents.size());
    }

    @Test
    void anApiThatIgnoresPageEndsThePollAtTheRepeatedPage() throws Exception {
        for (int i = 0; i < 3; i++) {
            api.addProduct("P" + i);
        }
        api.ignorePage(true);
        List<Exchange> got = sink();
        CamelContext ctx = newContext();
        route(ctx, "products", uri("listProducts", "items=3&emitExistingItems=true"), got);
        ctx.start();
        RecurrentePollingConsumer consumer =
                (RecurrentePollingConsumer) ctx.getRoute("products").getConsumer();
        await("three products", Duration.ofSeconds(10), () -> got.size() >= 3);
        int before = api.requests();
        await("more polls", Duration.ofSeconds(10), () -> api.requests() >= before + 4);
        assertEquals(3, got.size(), "the first page once, nothing read twice");
        assertEquals(0, consumer.getErrorCounter(), "the list ended at the repeated page, no poll failed");
    }

    private static String readQuietly(File f) {
        try {
            return Files.readString(f.toPath());
        } catch (Exception e) {
            return "";
        }
    }

    private CamelContext node(String id, File stateFile, String uri, List<Exchange> sink) throws Exception {
        CamelContext ctx = newContext();
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(id);
        cluster.setRoot(dir.resolve("cluster").toString());
        cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
        ctx.addService(cluster);
        StateRepository<String, String> repo = FileStateRepository.fileStateRepository(stateFile);
        ctx.getRegistry().bind("state", repo);
        route(ctx, "customer-sync", uri, sink);
        return ctx;
    }

    private CamelContext newContext() {
        DefaultCamelContext ctx = new DefaultCamelContext();
        RecurrenteComponent component = new RecurrenteComponent(ctx);
        RecurrenteConfiguration cfg = component.getConfiguration();
        cfg.setBaseUrl(api.baseUrl());
        cfg.setSecretKey(SK);
        cfg.setRetryDelay(10);
        cfg.setServerErrorRetries(0);
        ctx.addComponent("recurrente", component);
        ctx.getShutdownStrategy().setTimeout(5);
        contexts.add(ctx);
        return ctx;
    }

    private static void route(CamelContext ctx, String routeId, String uri, List<Exchange> sink) throws Exception {
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).process(sink::add);
            }
        });
    }

    private static String uri(String op, String params) {
        return "recurrente:" + op + "?initialDelay=0&delay=100&" + params;
    }
}
