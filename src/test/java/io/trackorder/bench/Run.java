package io.trackorder.bench;

/** One measured run of a load generator: completed calls, failures and latencies. */
record Run(long calls, double seconds, long failures, double meanMillis, double p50Millis, double p99Millis) {

    double perSecond() {
        return calls / seconds;
    }
}
