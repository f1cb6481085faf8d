package dev.handoff.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import java.lang.management.ManagementFactory;

/**
 * Keeps Micrometer's stock binders within Prometheus' naming rules, so that {@code promtool check metrics}
 * on a scrape finds nothing: {@code process.cpu.time} counts nanoseconds ({@code _ns_total}, an abbreviated
 * and non-base unit), and {@code system.cpu.count} is a gauge that would end in {@code _count}, a suffix
 * Prometheus reserves for histograms and summaries.
 */
final class PrometheusLint {
    private PrometheusLint() {
    }

    /** Installs the filters; call before binding anything. */
    static void apply(MeterRegistry registry) {
        registry.config().meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"));
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().equals("system.cpu.count") ? id.withName("system.cpu.processors") : id;
            }
        });
    }

    /** The CPU time of this process in seconds, as Prometheus' own clients export it. */
    static void bindProcessCpuSeconds(MeterRegistry registry) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            FunctionCounter.builder("process.cpu", os, b -> b.getProcessCpuTime() / 1e9).baseUnit("seconds")
                    .description("CPU time used by the server process").register(registry);
        }
    }
}
