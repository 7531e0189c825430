package io.github.camelrecurrente.sandbox;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that starts one {@link RecurrenteSandbox} per test class (register it on a static
 * field), resolves {@code RecurrenteSandbox} parameters and, by default, {@link RecurrenteSandbox#reset() resets}
 * it before each test:
 * <pre>{@code
 * @RegisterExtension
 * static RecurrenteSandboxExtension sandbox = RecurrenteSandboxExtension.create();
 *
 * @Test
 * void pays(RecurrenteSandbox s) { ... s.baseUrl() ... }
 * }</pre>
 * Registered on an instance field it starts lazily before the first test and stops when the class ends.
 */
public final class RecurrenteSandboxExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    private final RecurrenteSandbox.Builder builder;
    private boolean resetBetweenTests = true;
    private RecurrenteSandbox sandbox;
    private Class<?> owner;

    private RecurrenteSandboxExtension(RecurrenteSandbox.Builder builder) {
        this.builder = builder;
    }

    /** @return an extension with the default sandbox (one default account, free port) */
    public static RecurrenteSandboxExtension create() {
        return new RecurrenteSandboxExtension(RecurrenteSandbox.builder());
    }

    /** @return an extension for a configured builder */
    public static RecurrenteSandboxExtension of(RecurrenteSandbox.Builder builder) {
        return new RecurrenteSandboxExtension(builder);
    }

    /** Whether to reset the sandbox before each test (default true). */
    public RecurrenteSandboxExtension resetBetweenTests(boolean reset) {
        this.resetBetweenTests = reset;
        return this;
    }

    /** @return the running sandbox */
    public RecurrenteSandbox sandbox() {
        if (sandbox == null) {
            throw new IllegalStateException("The sandbox is not started yet (it starts before the first test)");
        }
        return sandbox;
    }

    /** @return the API base URL, {@code http://127.0.0.1:<port>/api} */
    public String baseUrl() {
        return sandbox().baseUrl();
    }

    private synchronized void ensureStarted() {
        if (sandbox == null) {
            sandbox = builder.build().start();
        }
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (owner == null) {
            owner = context.getRequiredTestClass();
        }
        ensureStarted();
    }

    /** Stops the sandbox when the class that started it ends (not when a {@code @Nested} class ends). */
    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (sandbox != null && (owner == null || owner == context.getRequiredTestClass())) {
            sandbox.close();
            sandbox = null;
            owner = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        boolean fresh = sandbox == null;
        ensureStarted();
        if (resetBetweenTests && !fresh) {
            sandbox.reset();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == RecurrenteSandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        ensureStarted();
        return sandbox;
    }
}
