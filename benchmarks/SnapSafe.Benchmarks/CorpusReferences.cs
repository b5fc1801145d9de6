using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SnapSafe.Benchmarks
{
    /// <summary>The frameworks a corpus project compiles against, as a net8.0 project file would name them.</summary>
    internal enum Frameworks
    {
        /// <summary>Microsoft.NET.Sdk: every assembly of Microsoft.NETCore.App.</summary>
        NetCore,

        /// <summary>Microsoft.NET.Sdk.Web: Microsoft.NETCore.App and Microsoft.AspNetCore.App.</summary>
        NetCoreAndAspNetCore,
    }

    /// <summary>
    /// The reference assemblies of the net8.0 targeting packs, as the SDK resolves them for <c>dotnet build</c>:
    /// SnapSafe.Benchmarks.References resolves them when the harness is built and the build writes the list to
    /// corpus-references.txt next to the harness. Each compilation gets new <see cref="MetadataReference"/> objects, so
    /// nothing the compiler learns about the references in one run (symbols, namespaces, forwarded types) is reused by
    /// the next: every run pays what a fresh compiler process pays.
    /// </summary>
    internal sealed class CorpusReferences
    {
        private readonly List<string> _netCore;
        private readonly List<string> _aspNetCore;
        private readonly List<(string Name, byte[] Image)> _lambdaPackages = new List<(string, byte[])>();

        private CorpusReferences(List<string> netCore, List<string> aspNetCore)
        {
            _netCore = netCore;
            _aspNetCore = aspNetCore;
        }

        public int NetCoreCount => _netCore.Count;

        public int AspNetCoreCount => _aspNetCore.Count;

        /// <summary>The targeting pack folder the assemblies come from, for the report.</summary>
        public string NetCoreSource => Path.GetDirectoryName(_netCore[0]) ?? string.Empty;

        public static CorpusReferences Load()
        {
            var file = Path.Combine(AppContext.BaseDirectory, "corpus-references.txt");
            if (!File.Exists(file))
            {
                throw new InvalidOperationException($"{file} is missing: build the harness (dotnet build benchmarks/SnapSafe.Benchmarks -c Release) after dotnet restore.");
            }

            var netCore = new List<string>();
            var aspNetCore = new List<string>();
            foreach (var line in File.ReadAllLines(file).Where(l => l.Contains('|')))
            {
                var parts = line.Split('|', 2);
                (parts[0] == "Microsoft.AspNetCore.App" ? aspNetCore : netCore).Add(parts[1]);
            }

            if (netCore.Count == 0 || aspNetCore.Count == 0 || netCore.Concat(aspNetCore).Any(p => !File.Exists(p)))
            {
                throw new InvalidOperationException($"{file} does not list the restored targeting packs: run dotnet restore and build the harness again.");
            }

            netCore.Sort(StringComparer.Ordinal);
            aspNetCore.Sort(StringComparer.Ordinal);
            return new CorpusReferences(netCore, aspNetCore);
        }

        /// <summary>New references to the framework assemblies (fresh metadata: nothing is shared with other compilations).</summary>
        public List<MetadataReference> Framework(Frameworks frameworks)
        {
            var paths = frameworks == Frameworks.NetCore ? _netCore : _netCore.Concat(_aspNetCore);
            return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        }

        /// <summary>The framework plus the Amazon.Lambda stand-ins and the AWS SDK shapes (compiled once, referenced fresh).</summary>
        public List<MetadataReference> Lambda(Frameworks frameworks)
        {
            if (_lambdaPackages.Count == 0)
            {
                var platform = Framework(Frameworks.NetCoreAndAspNetCore);
                _lambdaPackages.AddRange(StandIns.Compile(platform));
                var built = _lambdaPackages.Select(p => (MetadataReference)MetadataReference.CreateFromImage(p.Image)).ToList();
                _lambdaPackages.Add(("AWSSDK.Shapes", StandIns.CompileSource("AWSSDK.Shapes", Corpus.AwsSdkShapes, platform.Concat(built).ToList())));
            }

            var references = Framework(frameworks);
            references.AddRange(_lambdaPackages.Select(p => (MetadataReference)MetadataReference.CreateFromImage(p.Image)));
            return references;
        }
    }

    /// <summary>One project of a corpus: its parsed sources (parsed once) and what it compiles against.</summary>
    internal sealed class CorpusProject
    {
        private readonly CorpusReferences _references;

        public CorpusProject(string name, List<(string Path, string Text)> files, CorpusReferences references, Frameworks frameworks, bool lambda, bool executable)
        {
            Name = name;
            _references = references;
            Frameworks = frameworks;
            IsLambda = lambda;
            Executable = executable;
            var parse = new CSharpParseOptions(LanguageVersion.Latest);
            Trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parse, path: f.Path)).ToList();
            Lines = files.Sum(f => f.Text.Count(c => c == '\n'));
        }

        public string Name { get; }

        public Frameworks Frameworks { get; }

        public bool IsLambda { get; }

        public bool Executable { get; }

        public List<SyntaxTree> Trees { get; }

        public int Lines { get; }

        /// <summary>A new compilation with new references: what a build of the project compiles.</summary>
        public CSharpCompilation Create() => Create(References());

        public List<MetadataReference> References() => IsLambda ? _references.Lambda(Frameworks) : _references.Framework(Frameworks);

        public CSharpCompilation Create(List<MetadataReference> references) => CSharpCompilation.Create(
            Name,
            Trees,
            references,
            new CSharpCompilationOptions(Executable ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        /// <summary>Fails when the generated sources do not compile (a corpus with errors measures nothing real).</summary>
        public CorpusProject EnsureCompiles()
        {
            var errors = Create().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"The generated {Name} corpus does not compile:\n" + string.Join("\n", errors));
            }

            return this;
        }
    }
}
