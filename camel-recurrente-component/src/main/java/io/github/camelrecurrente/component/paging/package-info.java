/**
 * Public: paging of list operations. {@link io.github.camelrecurrente.component.paging.PageIterator} is the body of a
 * list operation with {@code allPages=true}; {@link io.github.camelrecurrente.component.paging.Page} and
 * {@link io.github.camelrecurrente.component.paging.PageInfo} are what it iterates over. Camel-free (JDK only).
 */
package io.github.camelrecurrente.component.paging;
