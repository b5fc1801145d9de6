using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace SnapSafe.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// The Amazon.Lambda.* packages as tests see them: the stand-in sources under samples/StandIns (embedded into this
    /// assembly) compiled once per test run against the net8.0 reference assemblies and handed to every test as
    /// metadata references with the real assembly names, so the analyzer meets them the way it meets the real
    /// packages: as referenced assemblies, never as source of the compilation under test.
    /// </summary>
    public static class StandInReferences
    {
        public const string CoreAssembly = "Amazon.Lambda.Core";
        public const string SerializationAssembly = "Amazon.Lambda.Serialization.SystemTextJson";
        public const string RuntimeSupportAssembly = "Amazon.Lambda.RuntimeSupport";
        public const string HostingAssembly = "Amazon.Lambda.AspNetCoreServer.Hosting";
        public const string AnnotationsAssembly = "Amazon.Lambda.Annotations";
        public const string AspNetCoreServerAssembly = "Amazon.Lambda.AspNetCoreServer";
        public const string APIGatewayEventsAssembly = "Amazon.Lambda.APIGatewayEvents";
        public const string ApplicationLoadBalancerEventsAssembly = "Amazon.Lambda.ApplicationLoadBalancerEvents";

        /// <summary>The assembly version of the RuntimeSupport stand-in: 1.12.0, the first package version with SnapStart support.</summary>
        public const string RuntimeSupportVersion = "1.12.0.0";

        /// <summary>The RuntimeSupport version of <see cref="LambdaModel.ExecutableBeforeSnapStart"/>: the last one without SnapStart support.</summary>
        public const string RuntimeSupportBeforeSnapStartVersion = "1.11.0.0";

        /// <summary>The assembly version of the Annotations stand-in: 1.6.0, the first package version that builds the function class during init.</summary>
        public const string AnnotationsVersion = "1.6.0.0";

        /// <summary>The Annotations version of <see cref="LambdaModel.AnnotationsBeforeSnapStart"/>: the last one that builds the function class on the first invocation.</summary>
        public const string AnnotationsBeforeSnapStartVersion = "1.5.0.0";

        /// <summary>The assembly version of Amazon.Lambda.AspNetCoreServer, fixed by the package whatever its package version.</summary>
        public const string AspNetCoreServerVersion = "2.0.0.0";

        private const string ResourcePrefix = "StandIns/";

        /// <summary>The reference assemblies every test compiles against.</summary>
        public static ReferenceAssemblies Net80 { get; } = ReferenceAssemblies.Net.Net80;

        /// <summary>
        /// The Microsoft.AspNetCore.App shared framework's reference assemblies. The package keeps them under ref/,
        /// which <see cref="ReferenceAssemblies.AddPackages"/> does not read, so it is resolved as a reference pack
        /// of its own and its assemblies are added next to the net8.0 ones.
        /// </summary>
        public static ReferenceAssemblies AspNetCore80 { get; } = new ReferenceAssemblies(
            "net8.0",
            new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.0"),
            Path.Combine("ref", "net8.0"));

        /// <summary>The emitted stand-in assemblies (the .NET 8 builds), by assembly name: what a test loads to run fixed code.</summary>
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Images = new System.Collections.Concurrent.ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);

        private static readonly Lazy<Task<Set>> LazySet = new Lazy<Task<Set>>(
            () => Task.Run(() => CreateAsync(CancellationToken.None)),
            LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>The metadata references a project of <paramref name="model"/> has on top of <see cref="Net80"/>.</summary>
        public static async Task<ImmutableArray<MetadataReference>> ForModelAsync(LambdaModel model)
        {
            var set = await LazySet.Value.ConfigureAwait(false);
            return model switch
            {
                LambdaModel.ClassLibrary => ImmutableArray.Create(set.Core, set.Serialization),
                LambdaModel.Executable => ImmutableArray.Create(set.Core, set.RuntimeSupport, set.Serialization),
                LambdaModel.MinimalApi => ImmutableArray.Create(set.Core, set.RuntimeSupport, set.Serialization, set.Hosting, set.APIGatewayEvents, set.AspNetCoreServer).AddRange(set.AspNetCore),
                LambdaModel.Annotations => ImmutableArray.Create(set.Core, set.Serialization, set.Annotations).AddRange(set.MicrosoftExtensions),
                LambdaModel.CoreWithoutSnapshotRestore => ImmutableArray.Create(set.CoreWithoutSnapshotRestore, set.Serialization),
                LambdaModel.AspNetCoreFunction => ImmutableArray.Create(set.Core, set.Serialization, set.APIGatewayEvents, set.ApplicationLoadBalancerEvents, set.AspNetCoreServer).AddRange(set.AspNetCore),
                LambdaModel.AnnotationsBeforeSnapStart => ImmutableArray.Create(set.Core, set.Serialization, set.AnnotationsBeforeSnapStart).AddRange(set.MicrosoftExtensions),
                LambdaModel.ExecutableBeforeSnapStart => ImmutableArray.Create(set.Core, set.RuntimeSupportBeforeSnapStart, set.Serialization),
                LambdaModel.NoLambda => ImmutableArray<MetadataReference>.Empty,
                _ => throw new ArgumentOutOfRangeException(nameof(model), model, null),
            };
        }

        /// <summary>
        /// The emitted image of a stand-in assembly (the .NET 8 build), for loading fixed code that references it; null
        /// before the stand-ins of its model (or <see cref="PackageReferences"/>) were resolved.
        /// </summary>
        internal static byte[]? ImageOf(string assemblyName) => Images.TryGetValue(assemblyName, out var image) ? image : null;

        /// <summary>The Microsoft.Extensions.* reference assemblies (logging, dependency injection, configuration).</summary>
        internal static async Task<ImmutableArray<MetadataReference>> MicrosoftExtensionsAsync()
            => (await LazySet.Value.ConfigureAwait(false)).MicrosoftExtensions;

        /// <summary>The output kind a project of <paramref name="model"/> builds.</summary>
        public static OutputKind OutputKindOf(LambdaModel model)
            => model == LambdaModel.Executable || model == LambdaModel.MinimalApi || model == LambdaModel.ExecutableBeforeSnapStart
                ? OutputKind.ConsoleApplication
                : OutputKind.DynamicallyLinkedLibrary;

        /// <summary>True when a project of <paramref name="model"/> compiles against the Microsoft.AspNetCore.App reference assemblies.</summary>
        public static bool UsesAspNetCore(LambdaModel model) => model == LambdaModel.MinimalApi || model == LambdaModel.AspNetCoreFunction;

        /// <summary>The stand-in source files of one package, by file name (as embedded from samples/StandIns).</summary>
        public static ImmutableDictionary<string, string> SourcesOf(string assemblyName)
        {
            var prefix = ResourcePrefix + assemblyName + "/";
            var assembly = typeof(StandInReferences).Assembly;
            var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                builder.Add(name.Substring(prefix.Length), reader.ReadToEnd());
            }

            if (builder.Count == 0)
            {
                throw new InvalidOperationException("No stand-in sources are embedded for " + assemblyName + ".");
            }

            return builder.ToImmutable();
        }

        private static async Task<Set> CreateAsync(CancellationToken cancellationToken)
        {
            var net80 = await Net80.ResolveAsync(LanguageNames.CSharp, cancellationToken).ConfigureAwait(false);
            var aspNetCore = await AspNetCore80.ResolveAsync(LanguageNames.CSharp, cancellationToken).ConfigureAwait(false);
            var extensions = aspNetCore.Where(r => Path.GetFileName(r.Display ?? string.Empty).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)).ToImmutableArray();

            var net8Symbols = new[] { "NET", "NET8_0", "NETCOREAPP", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER" };
            var netStandardSymbols = new[] { "NETSTANDARD", "NETSTANDARD2_0", "NETSTANDARD2_0_OR_GREATER" };

            var core = Compile(CoreAssembly, net8Symbols, nullable: false, net80);
            var coreWithoutSnapshotRestore = Compile(CoreAssembly, netStandardSymbols, nullable: false, net80);
            var serialization = Compile(SerializationAssembly, net8Symbols, nullable: false, net80.Add(core));
            var runtimeSupport = Compile(RuntimeSupportAssembly, net8Symbols, nullable: false, net80.Add(core), RuntimeSupportVersion);
            var runtimeSupportBeforeSnapStart = Compile(RuntimeSupportAssembly, net8Symbols, nullable: false, net80.Add(core), RuntimeSupportBeforeSnapStartVersion);
            var hosting = Compile(HostingAssembly, net8Symbols, nullable: true, net80.AddRange(aspNetCore).Add(core).Add(runtimeSupport).Add(serialization));
            var annotations = Compile(AnnotationsAssembly, net8Symbols, nullable: false, net80, AnnotationsVersion);
            var annotationsBeforeSnapStart = Compile(AnnotationsAssembly, net8Symbols, nullable: false, net80, AnnotationsBeforeSnapStartVersion);
            var apiGatewayEvents = Compile(APIGatewayEventsAssembly, net8Symbols, nullable: false, net80);
            var albEvents = Compile(ApplicationLoadBalancerEventsAssembly, net8Symbols, nullable: false, net80);
            var aspNetCoreServer = Compile(
                AspNetCoreServerAssembly,
                net8Symbols,
                nullable: false,
                net80.AddRange(aspNetCore).Add(core).Add(serialization).Add(apiGatewayEvents).Add(albEvents),
                AspNetCoreServerVersion);

            return new Set(core, coreWithoutSnapshotRestore, serialization, runtimeSupport, hosting, annotations, aspNetCore, extensions)
            {
                RuntimeSupportBeforeSnapStart = runtimeSupportBeforeSnapStart,
                AnnotationsBeforeSnapStart = annotationsBeforeSnapStart,
                APIGatewayEvents = apiGatewayEvents,
                ApplicationLoadBalancerEvents = albEvents,
                AspNetCoreServer = aspNetCoreServer,
            };
        }

        /// <summary>
        /// Compiles the stand-in sources of one package into a metadata reference with the real assembly name, and
        /// the assembly version <paramref name="version"/> when given (SnapSafe reads the versions of some packages).
        /// </summary>
        internal static MetadataReference Compile(string assemblyName, string[] preprocessorSymbols, bool nullable, IEnumerable<MetadataReference> references, string? version = null)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12, preprocessorSymbols: preprocessorSymbols);
            var trees = SourcesOf(assemblyName)
                .OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Value, Encoding.UTF8), parseOptions, path: assemblyName + "/" + s.Key));
            if (version != null)
            {
                trees = trees.Append(CSharpSyntaxTree.ParseText(
                    SourceText.From("[assembly: System.Reflection.AssemblyVersion(\"" + version + "\")]", Encoding.UTF8),
                    parseOptions,
                    path: assemblyName + "/AssemblyVersion.cs"));
            }

            var options = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: nullable ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                deterministic: true);
            var compilation = CSharpCompilation.Create(assemblyName, trees, references, options);

            using var image = new MemoryStream();
            using var documentation = new MemoryStream();
            var result = compilation.Emit(image, xmlDocumentationStream: documentation);
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (!result.Success || errors.Count > 0)
            {
                throw new InvalidOperationException(
                    "The " + assemblyName + " stand-in does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
            }

            if (Array.IndexOf(preprocessorSymbols, "NET8_0_OR_GREATER") >= 0)
            {
                Images[assemblyName] = image.ToArray();
            }

            return MetadataReference.CreateFromImage(
                image.ToArray(),
                documentation: XmlDocumentationProvider.CreateFromBytes(documentation.ToArray()),
                filePath: assemblyName + ".dll");
        }

        private sealed class Set
        {
            public Set(
                MetadataReference core,
                MetadataReference coreWithoutSnapshotRestore,
                MetadataReference serialization,
                MetadataReference runtimeSupport,
                MetadataReference hosting,
                MetadataReference annotations,
                ImmutableArray<MetadataReference> aspNetCore,
                ImmutableArray<MetadataReference> microsoftExtensions)
            {
                Core = core;
                CoreWithoutSnapshotRestore = coreWithoutSnapshotRestore;
                Serialization = serialization;
                RuntimeSupport = runtimeSupport;
                Hosting = hosting;
                Annotations = annotations;
                AspNetCore = aspNetCore;
                MicrosoftExtensions = microsoftExtensions;
            }

            public MetadataReference Core { get; }
            public MetadataReference CoreWithoutSnapshotRestore { get; }
            public MetadataReference Serialization { get; }
            public MetadataReference RuntimeSupport { get; }
            public MetadataReference Hosting { get; }
            public MetadataReference Annotations { get; }
            public ImmutableArray<MetadataReference> AspNetCore { get; }
            public ImmutableArray<MetadataReference> MicrosoftExtensions { get; }

            public MetadataReference RuntimeSupportBeforeSnapStart { get; init; } = null!;
            public MetadataReference AnnotationsBeforeSnapStart { get; init; } = null!;
            public MetadataReference APIGatewayEvents { get; init; } = null!;
            public MetadataReference ApplicationLoadBalancerEvents { get; init; } = null!;
            public MetadataReference AspNetCoreServer { get; init; } = null!;
        }
    }
}
