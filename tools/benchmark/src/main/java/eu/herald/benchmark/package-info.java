/**
 * The fan-out benchmark: Herald's packaged services as separate processes, seeded with N
 * municipalities, one change fanned out to all of them, measured from the change's commit (or, held in
 * quiet hours, from the window's end) to the sinks, next to the raw ceilings of the same broker and sinks
 * on the same machine.
 */
@NullMarked
package eu.herald.benchmark;

import org.jspecify.annotations.NullMarked;
