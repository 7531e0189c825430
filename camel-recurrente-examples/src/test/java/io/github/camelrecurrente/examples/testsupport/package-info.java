/**
 * Test support shared by the tests of every package: stacks and their properties, an embedded PostgreSQL server, a
 * node in its own JVM, signed webhook deliveries, a load balancer that sprays deliveries over nodes. Test code only;
 * it may import every package of the bundle.
 */
package io.github.camelrecurrente.examples.testsupport;
