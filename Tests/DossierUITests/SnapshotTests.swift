import Testing
@testable import DossierUI

@Suite struct Snapshots {
    @Test func fourPanesAt120x40() { expectSnapshot(Fixture.state(120, 40).screen, "120x40-start") }
    @Test func rightTabsAt80x24() { expectSnapshot(Fixture.state(80, 24).screen, "80x24-start") }
    @Test func onePaneAt40x12() { expectSnapshot(Fixture.state(40, 12).screen, "40x12-start") }
}
