/** A service in miniature whose controller fails in every way the shared problem responses answer. */
@NullMarked
package eu.herald.problems.example;

import org.jspecify.annotations.NullMarked;
