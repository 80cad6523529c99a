// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "mlm",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mlm", targets: ["mlm"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/apple/swift-atomics", from: "1.2.0"),
    ],
    targets: [
        // MARK: - ML engine: data frame, readers, preparation steps. Knows nothing of the language.
        .target(name: "MLMCore", dependencies: [
            "CMemoryHints",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Atomics", package: "swift-atomics"),
        ]),
        // A prefetch hint for the hot loops of the ML engine, which Swift cannot express.
        .target(name: "CMemoryHints"),

        // MARK: - The language front end: source, diagnostics, lexer, AST, parser. Knows nothing of ML.
        .target(name: "MLMSyntax"),

        // MARK: - Checker and interpreter: binds the language to the ML core. Emits structured results.
        .target(name: "MLMRuntime", dependencies: ["MLMSyntax", "MLMCore"]),

        // MARK: - Rendering of results for a terminal (and later HTML/Markdown reports).
        .target(name: "MLMReport", dependencies: [
            "MLMRuntime", "MLMSyntax", "MLMCore",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),

        // MARK: - Line editing
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        .target(name: "MLMREPL", dependencies: ["MLMRuntime", "MLMReport", "CLibEdit"]),

        // MARK: - The command-line tool: argument parsing, exit codes, wiring.
        .executableTarget(
            name: "mlm",
            dependencies: [
                "MLMRuntime", "MLMReport", "MLMREPL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Tests
        .testTarget(name: "MLMCoreTests", dependencies: ["MLMCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MLMSyntaxTests", dependencies: ["MLMSyntax"]),
        .testTarget(name: "MLMRuntimeTests", dependencies: ["MLMRuntime", "MLMReport", "MLMSyntax", "MLMCore"]),
        .testTarget(name: "MLMReportTests", dependencies: ["MLMReport", "MLMRuntime", "MLMSyntax", "MLMCore"]),
        .testTarget(name: "MLMExamplesTests", dependencies: ["mlm"], exclude: ["Cases"]),
        .testTarget(name: "MLMREPLTests", dependencies: ["MLMREPL", "MLMSyntax", "mlm"]),
    ]
)
