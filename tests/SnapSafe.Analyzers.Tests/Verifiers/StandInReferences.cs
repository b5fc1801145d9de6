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
                LambdaModel.MinimalApi => ImmutableArray.Create(set.Core, set.RuntimeSupport, set.Serialization, set.Hosting).AddRange(set.AspNetCore),
                LambdaModel.Annotations => ImmutableArray.Create(set.Core, set.Serialization, set.Annotations).AddRange(set.MicrosoftExtensions),
                LambdaModel.CoreWithoutSnapshotRestore => ImmutableArray.Create(set.CoreWithoutSnapshotRestore, set.Serialization),
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
            => model == LambdaModel.Executable || model == LambdaModel.MinimalApi ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;

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
            var runtimeSupport = Compile(RuntimeSupportAssembly, net8Symbols, nullable: false, net80.Add(core));
            var hosting = Compile(HostingAssembly, net8Symbols, nullable: true, net80.AddRange(aspNetCore).Add(core).Add(runtimeSupport).Add(serialization));
            var annotations = Compile(AnnotationsAssembly, net8Symbols, nullable: false, net80);

            return new Set(core, coreWithoutSnapshotRestore, serialization, runtimeSupport, hosting, annotations, aspNetCore, extensions);
        }

        /// <summary>Compiles the stand-in sources of one package into a metadata reference with the real assembly name.</summary>
        internal static MetadataReference Compile(string assemblyName, string[] preprocessorSymbols, bool nullable, IEnumerable<MetadataReference> references)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12, preprocessorSymbols: preprocessorSymbols);
            var trees = SourcesOf(assemblyName)
                .OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Value, Encoding.UTF8), parseOptions, path: assemblyName + "/" + s.Key));
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
        }
    }
}
