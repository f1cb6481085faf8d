package dev.handoff.it.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromqlNamesTest {

    @Test
    void functionsLabelsRangesAndGroupingAreNotMetricNames() {
        assertThat(PromqlNames.in("histogram_quantile(0.99, sum by (le, program) "
                + "(rate(handoff_rpc_call_duration_seconds_bucket{instance=~\"$instance\",status!=\"x\"}"
                + "[$__rate_interval])))"))
                .containsExactly("handoff_rpc_call_duration_seconds_bucket");
    }

    @Test
    void everyOperandOfABinaryExpressionIsFound() {
        assertThat(PromqlNames.in("sum by (kind) (increase(a_count{stage=\"total\"}[10m]))\n"
                + " - sum by (kind) (increase(a_bucket{le=\"2.0\"}[10m])) > 0 and on (vip) up == 0"))
                .containsExactly("a_bucket", "a_count", "up");
    }

    @Test
    void aScrapeNamesItsSamplesNotItsComments() {
        assertThat(PromqlNames.ofScrape("# HELP x_total X\n# TYPE x_total counter\nx_total{a=\"b\"} 1.0\ny 2\n"))
                .containsExactly("x_total", "y");
    }
}
