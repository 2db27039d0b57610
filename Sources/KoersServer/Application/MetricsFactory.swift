import Metrics
import Prometheus

/// A swift-metrics factory that records into one ``Prometheus/PrometheusCollectorRegistry``
/// and gives each metric the `# HELP` text of its catalogue entry.
///
/// swift-prometheus' own `PrometheusMetricsFactory` registers every metric without help text,
/// and the registry refuses a second registration of a name with another text; so this
/// factory, not the registry, is the one place the names and texts of Koers' metrics meet.
/// It is an instance, never `MetricsSystem.bootstrap`: each server (several run in one test
/// process) counts into a registry of its own.
struct PrometheusHelpFactory: MetricsFactory {
    /// Where the metrics are kept and exposed.
    let registry: PrometheusCollectorRegistry
    /// The help text per metric name; a name without one gets no `# HELP` line.
    let help: [String: String]
    /// The buckets of every timer's histogram.
    let durationBuckets: [Duration]
    /// The buckets of every aggregating recorder's histogram.
    let valueBuckets: [Double] = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000]

    private func descriptor(_ label: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: label, unitName: "", helpText: help[label] ?? "")
    }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        registry.makeCounter(descriptor: descriptor(label), labels: dimensions)
    }

    func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
        registry.makeCounter(descriptor: descriptor(label), labels: dimensions)
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        guard aggregate else { return registry.makeGauge(descriptor: descriptor(label), labels: dimensions) }
        return registry.makeValueHistogram(descriptor: descriptor(label), labels: dimensions, buckets: valueBuckets)
    }

    func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        registry.makeGauge(descriptor: descriptor(label), labels: dimensions)
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        registry.makeDurationHistogram(descriptor: descriptor(label), labels: dimensions, buckets: durationBuckets)
    }

    func destroyCounter(_ handler: any CounterHandler) {
        if let counter = handler as? Prometheus.Counter { registry.unregisterCounter(counter) }
    }

    func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) {
        if let counter = handler as? Prometheus.Counter { registry.unregisterCounter(counter) }
    }

    func destroyRecorder(_ handler: any RecorderHandler) {
        if let gauge = handler as? Prometheus.Gauge { registry.unregisterGauge(gauge) }
        if let histogram = handler as? ValueHistogram { registry.unregisterValueHistogram(histogram) }
    }

    func destroyMeter(_ handler: any MeterHandler) {
        if let gauge = handler as? Prometheus.Gauge { registry.unregisterGauge(gauge) }
    }

    func destroyTimer(_ handler: any TimerHandler) {
        if let histogram = handler as? DurationHistogram { registry.unregisterDurationHistogram(histogram) }
    }
}
