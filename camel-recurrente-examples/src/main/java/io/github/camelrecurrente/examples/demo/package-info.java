/**
 * The scripted sandbox scenario the runnable jar plays ({@code DemoScenario}) and its summary.
 * <p>
 * The top layer with the entry point: may import every package of the bundle; none imports it.
 */
package io.github.camelrecurrente.examples.demo;
