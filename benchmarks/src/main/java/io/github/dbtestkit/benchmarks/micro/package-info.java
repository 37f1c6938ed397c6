/**
 * JMH micro-benchmarks of the few pieces whose cost is a method call, not a test's lifecycle: splitting a migration
 * script into statements, the schema diff, and the savepoint move that turns a commit by code under test into a kept
 * point inside the test's transaction. {@link io.github.dbtestkit.benchmarks.micro.MicroBenchmark} runs them through
 * JMH's {@code Runner} and reports each against its baseline from the same run.
 */
package io.github.dbtestkit.benchmarks.micro;
