/**
 * Internal: the HTTP plumbing (API handler, form bodies, fault injection, request journal).
 */
package io.github.camelrecurrente.sandbox.http;
