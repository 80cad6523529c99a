public enum MLMRuntimeVersion { public static let version = "0.1.0" }
