import Foundation
import FusionCore
import FusionNode
import Testing

/// `tracker.cross_fix_window_s` reaches the engine's cross-fix initiator;
/// `acoustic.compensate_sound_delay` reaches the tracker.
@Suite struct CrossFixConfigurationTests {
    @Test func crossFixWindowComesFromTheSiteFile() throws {
        let c = try SiteConfiguration.load(contentsOf: ConfigFixtures.sitePath("full-example.json"))
        let pipeline = try NodePipeline(configuration: c, origin: SyntheticSite.origin)
        #expect(pipeline.trackerConfiguration.crossFix.windowNs == Int64((c.tracker.crossFixWindowS * 1e9).rounded()))
        #expect(c.tracker.crossFixWindowS != TrackerSettings().crossFixWindowS, "the file sets its own window")
    }

    @Test func soundDelayCompensationComesFromTheSiteFile() throws {
        let on = try SiteConfiguration.load(contentsOf: ConfigFixtures.sitePath("full-example.json"))
        #expect(on.acoustic.compensatesSoundDelay, "the file turns it on")
        #expect(try NodePipeline(configuration: on, origin: SyntheticSite.origin).trackerConfiguration.compensatesSoundDelay)
        let absent = try SiteConfiguration.load(contentsOf: ConfigFixtures.sitePath("reference.json"))
        #expect(!absent.acoustic.compensatesSoundDelay, "off unless the file says so")
        #expect(try !NodePipeline(configuration: absent, origin: SyntheticSite.origin).trackerConfiguration.compensatesSoundDelay)
    }

    /// The tracker's configuration is fixed at start: a reload that turns
    /// compensation on leaves the running tracker as it was.
    @Test func aReloadDoesNotChangeSoundDelayCompensation() throws {
        let before = try SiteConfiguration.load(contentsOf: ConfigFixtures.sitePath("reference.json"))
        var pipeline = try NodePipeline(configuration: before, origin: SyntheticSite.origin)
        let tree = ConfigFixtures.setting("acoustic.compensate_sound_delay", to: true, in: try ConfigFixtures.tree("reference.json"))
        let after = try SiteConfiguration.parse(try ConfigFixtures.data(tree))
        #expect(after.acoustic.compensatesSoundDelay)
        try pipeline.reloadCueing(from: after)
        #expect(!pipeline.trackerConfiguration.compensatesSoundDelay)
    }
}
