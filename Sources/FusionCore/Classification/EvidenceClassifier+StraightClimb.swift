/// The straight-run climb term (`StraightRunClimb`, `EvidenceItem.straightClimb`).
extension EvidenceClassifier {
    /// Fills the term's row: each profile's density of the track's mean
    /// climb over its straight runs (`TargetProfile.straightClimbMps`),
    /// widened by the estimate's variance, once at least
    /// `ClassifierConfiguration.minStraightClimbS` of straight flight count.
    /// What it weighs, on the recordings' values: a long straight run held
    /// level is worth at most ln(0.75 / 0.5) = 0.4 nats to a drone against a
    /// glider (the level shares of their profiles: a glider runs level along
    /// a ridge or a wave for up to half its straight time, and the
    /// hard-case suite's level glider pass was declared uncrewed when the
    /// glider's share was 0.35) and nothing against a light aircraft; a
    /// steady sink of about 1 m/s, a glider gliding, about 2 nats to the
    /// glider against any powered profile. The instantaneous climb term
    /// still counts what the track is doing now (a dive, a climb-out).
    func straightClimbTerm(_ evidence: TrackEvidence, into table: TermTable) {
        let tables = self.tables
        guard evidence.straightClimb.straightS >= tables.configuration.minStraightClimbS,
            let climb = evidence.straightClimb.meanClimb
        else { return }
        let r = row(.straightClimb) * 8
        for s in 0..<8 {
            table[r + s] = tables.straightClimbMps[s].logDensity(climb.mps, extraVariance: climb.varianceMps2)
        }
    }
}
