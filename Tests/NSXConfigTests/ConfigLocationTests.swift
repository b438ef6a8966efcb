import Testing
import TestSupport
import NSXConfig

@Suite struct ConfigLocationTests {
    @Test(arguments: [
        (["NSX_CONFIG_DIR": "/srv/nsx", "XDG_CONFIG_HOME": "/x", "HOME": "/home/a"], "/srv/nsx"),
        (["NSX_CONFIG_DIR": "/srv/nsx/", "HOME": "/home/a"], "/srv/nsx"),
        (["NSX_CONFIG_DIR": "", "XDG_CONFIG_HOME": "/x", "HOME": "/home/a"], "/x/nsx"),
        (["XDG_CONFIG_HOME": "/x/", "HOME": "/home/a"], "/x/nsx"),
        (["XDG_CONFIG_HOME": "", "HOME": "/home/a"], "/home/a/.config/nsx"),
        (["XDG_CONFIG_HOME": "relative/dir", "HOME": "/home/a"], "/home/a/.config/nsx"),
        (["HOME": "/home/a/"], "/home/a/.config/nsx"),
        (["HOME": "/"], "/.config/nsx"),
    ])
    func resolvesTheFolder(environment: [String: String], folder: String) {
        let location = ConfigLocation.resolve(environment: environment)
        #expect(location.folder == folder)
        #expect(location.configFile == folder + "/config.json")
        #expect(location.lockFile == folder + "/config.lock")
    }

    @Test func withoutHomeUsesThePasswordDatabase() {
        let folder = ConfigLocation.resolve(environment: [:]).folder
        #expect(folder.hasSuffix("/.config/nsx"))
        #expect(folder.hasPrefix("/"))
    }
}
