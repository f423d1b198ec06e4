import FusionCore
import FusionNode
import Testing

/// `tracker.cross_fix_window_s` reaches the engine's cross-fix initiator.
@Suite struct CrossFixConfigurationTests {
    @Test func crossFixWindowComesFromTheSiteFile() throws {
        let c = try SiteConfiguration.load(contentsOf: ConfigFixtures.sitePath("full-example.json"))
        let pipeline = try NodePipeline(configuration: c, origin: SyntheticSite.origin)
        #expect(pipeline.trackerConfiguration.crossFix.windowNs == Int64((c.tracker.crossFixWindowS * 1e9).rounded()))
        #expect(c.tracker.crossFixWindowS != TrackerSettings().crossFixWindowS, "the file sets its own window")
    }
}
