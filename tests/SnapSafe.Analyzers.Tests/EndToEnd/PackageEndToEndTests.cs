using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SnapSafe.Analyzers.Tests.Conventions;
using Xunit;

namespace SnapSafe.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// The package from a consumer's point of view: packed, referenced from a local feed by a throwaway Lambda
    /// project, built with <c>dotnet build</c>, fixed with <c>dotnet format</c>, configured through .editorconfig,
    /// deployment templates and presets, with a SARIF log; template findings in the build output and the log; and
    /// every fix applied by <c>dotnet format</c> to a copy of the samples. One test, because the steps share the packed package.
    /// </summary>
    [Collection(nameof(EndToEndCollection))]
    public sealed class PackageEndToEndTests : IDisposable
    {
        private const string Function = @"using System;
using Amazon.Lambda.Core;

namespace Orders
{
    public class Function
    {
        private static readonly Random Jitter = new Random();
        private readonly Guid _instanceId = Guid.NewGuid();
        private readonly DateTime _loadedAt;
        private readonly System.Threading.CancellationTokenSource _budget = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(5));

        public Function()
        {
            _loadedAt = DateTime.UtcNow;
        }

        public string Handler(string input, ILambdaContext context)
            => $""{input} {Jitter.Next()} {_instanceId} {_loadedAt:O} {_budget.IsCancellationRequested}"";
    }
}
";

        private const string TwoFunctions = @"using System;
using Amazon.Lambda.Core;

namespace Shop
{
    public class Orders
    {
        private readonly Guid _id = Guid.NewGuid();
        public string Handler(string input, ILambdaContext context) => input + _id;
    }

    public class Reports
    {
        private readonly Guid _id = Guid.NewGuid();
        public string Handler(string input, ILambdaContext context) => input + _id;
    }
}
";

        private const string Template = @"AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  OrdersFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: Shop::Shop.Orders::Handler
      Runtime: dotnet8
      SnapStart:
        ApplyOn: PublishedVersions
  ReportsFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: Shop::Shop.Reports::Handler
      Runtime: dotnet8
";

        private readonly string _root = Path.Combine(Path.GetTempPath(), "snapsafe-e2e-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        private readonly string _version = "0.0.1-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);

        [Fact]
        public void Package_BuildFormatSarifTemplatesAndPresets_WorkInAConsumerProject()
        {
            Directory.CreateDirectory(_root);
            var feed = Path.Combine(_root, "feed");
            Run(Repository.Root, "dotnet", $"pack \"{Repository.PathOf("src", "SnapSafe.Analyzers.Package")}\" -c Release -o \"{feed}\" -p:Version={_version} -p:TreatWarningsAsErrors=false");
            Assert.True(File.Exists(Path.Combine(feed, "SnapSafe.Analyzers." + _version + ".nupkg")), "the package was not packed");
            // Above every project of the test: NuGet merges it with the machine's own sources, which serve the
            // reference packs a net8.0 build needs on a machine that has not restored them yet.
            File.WriteAllText(Path.Combine(_root, "NuGet.config"), $@"<?xml version=""1.0"" encoding=""utf-8""?>
<configuration>
  <packageSources>
    <add key=""snapsafe-e2e"" value=""{feed}"" />
  </packageSources>
</configuration>
");
            WriteStandIn(Path.Combine(_root, "lambda"));

            // 1. dotnet build reports the findings with their files and lines.
            var orders = WriteProject(Path.Combine(_root, "orders"), "Orders", Function);
            var sarif = Path.Combine(_root, "orders.sarif");
            var build = Run(orders, "dotnet", $"build -c Release -p:ErrorLog=\"{sarif}%2Cversion=2.1\"");
            AssertFinding(build, "Function.cs", 8, "SNAP001");
            AssertFinding(build, "Function.cs", 9, "SNAP002");
            AssertFinding(build, "Function.cs", 15, "SNAP003");
            Assert.DoesNotContain("warning SNAP004", build, StringComparison.Ordinal); // a suggestion by default

            // 2. The SARIF log carries the findings and their help links.
            using (var log = JsonDocument.Parse(File.ReadAllText(sarif)))
            {
                var run = log.RootElement.GetProperty("runs")[0];
                var ruleIds = run.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()).ToList();
                Assert.Contains("SNAP001", ruleIds);
                Assert.Contains("SNAP002", ruleIds);
                Assert.Contains("SNAP003", ruleIds);
                var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
                var snap001 = rules.Single(r => r.GetProperty("id").GetString() == "SNAP001");
                Assert.EndsWith("docs/rules/SNAP001.md", snap001.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
            }

            // 3. The category severity from .editorconfig makes the findings errors; the build fails.
            File.WriteAllText(Path.Combine(orders, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_analyzer_diagnostic.category-SnapStart.severity = error\n");
            var strictBuild = Run(orders, "dotnet", "build -c Release --no-incremental", expectSuccess: false);
            Assert.Contains("error SNAP001", strictBuild, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(orders, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.SNAP002.severity = none\n");
            var oneOff = Run(orders, "dotnet", "build -c Release --no-incremental");
            Assert.Contains("warning SNAP001", oneOff, StringComparison.Ordinal);
            Assert.DoesNotContain("SNAP002", oneOff, StringComparison.Ordinal);
            File.Delete(Path.Combine(orders, ".editorconfig"));

            // 4. Presets: strict raises the suggestion SNAP004 to a warning, none silences SnapSafe.
            var strict = Run(orders, "dotnet", "build -c Release --no-incremental -p:SnapSafeAnalysisMode=strict");
            AssertFinding(strict, "Function.cs", 11, "SNAP004");
            var none = Run(orders, "dotnet", "build -c Release --no-incremental -p:SnapSafeAnalysisMode=none");
            Assert.DoesNotContain("SNAP0", none, StringComparison.Ordinal);

            // 5. dotnet format applies the after-restore fix; the project then builds without SnapSafe warnings.
            Run(orders, "dotnet", "format analyzers Orders.csproj --diagnostics SNAP001 SNAP002 SNAP003 SNAP004 --severity info --no-restore");
            var fixedSource = File.ReadAllText(Path.Combine(orders, "Function.cs"));
            Assert.Contains("SnapshotRestore.RegisterAfterRestore", fixedSource, StringComparison.Ordinal);
            Assert.Contains("Jitter = new Random()", fixedSource, StringComparison.Ordinal);
            var rebuilt = Run(orders, "dotnet", "build -c Release --no-incremental -p:SnapSafeAnalysisMode=strict");
            Assert.DoesNotContain("SNAP0", rebuilt, StringComparison.Ordinal);

            // 6. A template in the repository root deploys one function with SnapStart and one without.
            var repository = Path.Combine(_root, "repo");
            Directory.CreateDirectory(Path.Combine(repository, ".git"));
            File.WriteAllText(Path.Combine(repository, ".git", "HEAD"), "ref: refs/heads/main\n");
            File.WriteAllText(Path.Combine(repository, "template.yaml"), Template);
            File.WriteAllText(Path.Combine(_root, "template.yaml"), "Globals:\n  Function:\n    Runtime: dotnet8\n");
            var shop = WriteProject(Path.Combine(repository, "src", "Shop"), "Shop", TwoFunctions);
            var shopSarif = Path.Combine(_root, "shop.sarif");
            var linked = Run(shop, "dotnet", $"build -c Release -p:ErrorLog=\"{shopSarif}%2Cversion=2.1\"");
            AssertFinding(linked, "Function.cs", 8, "SNAP002");
            Assert.DoesNotMatch(new Regex(@"Function\.cs\(14,\d+\): warning SNAP002"), linked);

            // 7. The deployment rules report on the template, at the property's line and column: OrdersFunction has
            // SnapStart and publishes no version. The SARIF log carries the template location too.
            AssertFinding(linked, "template.yaml", 9, "SNAP050");
            Assert.Contains("template.yaml(9,7): warning SNAP050", linked, StringComparison.Ordinal);
            using (var log = JsonDocument.Parse(File.ReadAllText(shopSarif)))
            {
                var result = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                    .Single(r => r.GetProperty("ruleId").GetString() == "SNAP050");
                var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                Assert.EndsWith("template.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
                Assert.Equal(9, location.GetProperty("region").GetProperty("startLine").GetInt32());
                Assert.Equal(7, location.GetProperty("region").GetProperty("startColumn").GetInt32());
            }

            // 8. A template finding's severity comes from .globalconfig (the compiler applies .editorconfig sections
            // to source files only).
            File.WriteAllText(Path.Combine(shop, ".globalconfig"), "is_global = true\ndotnet_diagnostic.SNAP050.severity = error\n");
            var strictTemplate = Run(shop, "dotnet", "build -c Release --no-incremental", expectSuccess: false);
            Assert.Contains("template.yaml(9,7): error SNAP050", strictTemplate, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(shop, ".globalconfig"), "is_global = true\ndotnet_diagnostic.SNAP050.severity = none\n");
            var silentTemplate = Run(shop, "dotnet", "build -c Release --no-incremental");
            Assert.DoesNotContain("SNAP050", silentTemplate, StringComparison.Ordinal);

            // 9. Every fix, applied by dotnet format to a copy of the samples that consumes the package (and the
            //    Amazon.Lambda stand-ins as assemblies, as a function consumes the real packages): the samples then build
            //    with no finding of a rule that has a fix (SNAP022 and SNAP023 have none), except the three shapes of the
            //    samples that docs/code-fixes.md names as having no automatic fix: a generic host started during init
            //    (SNAP004), a hook registered in a controller action (SNAP040), and a timestamp stored by a method that
            //    init and that controller's hook both call (SNAP003: a method called from two places). SNAP047 is left
            //    out of the run: dotnet format applied its fix in some runs and not in others (SDK 10.0.401; the fix is
            //    tested in-process, docs/rules/SNAP047.md, Limitations), so its finding stays as it was.
            var samples = CopySamples(Path.Combine(_root, "samples-copy"));
            var hazardous = Run(samples, "dotnet", "build Consumers.sln -c Release");
            var before = Findings(hazardous);
            Assert.Contains(before, f => f.Id == "SNAP001");
            Assert.Contains(before, f => f.Id == "SNAP040");
            Run(samples, "dotnet", "format analyzers Consumers.sln --diagnostics " + string.Join(" ", FixableRules) + " --severity info --no-restore");
            var fixedFindings = Findings(Run(samples, "dotnet", "build Consumers.sln -c Release --no-incremental"));
            var left = fixedFindings.Where(f => FixableRules.Contains(f.Id)).OrderBy(f => f.ToString(), StringComparer.Ordinal).ToList();
            var noAutomaticFix = new[] { new Finding("SNAP003", "AspNetCoreWebApi/Orders.cs"), new Finding("SNAP004", "Messaging/Program.cs"), new Finding("SNAP040", "Hazardous/OrdersController.cs") };
            Assert.True(left.SequenceEqual(noAutomaticFix), "findings left after dotnet format applied every fix:\n" + string.Join("\n", left));
            Assert.Equal(
                before.Where(f => !FixableRules.Contains(f.Id)).OrderBy(f => f.ToString(), StringComparer.Ordinal),
                fixedFindings.Where(f => !FixableRules.Contains(f.Id)).OrderBy(f => f.ToString(), StringComparer.Ordinal));
            foreach (var program in new[] { Path.Combine("Executable", "Hazardous", "Program.cs"), Path.Combine("ClassLibrary", "Hazardous", "Function.cs"), Path.Combine("Hooks", "Hazardous", "Function.cs") })
            {
                Assert.Contains("SnapshotRestore.RegisterAfterRestore", File.ReadAllText(Path.Combine(samples, program)), StringComparison.Ordinal);
            }
        }

        /// <summary>The rules with a code fix, as dotnet format takes them (SNAP047 aside, see step 9).</summary>
        private static readonly string[] FixableRules =
        {
            "SNAP001", "SNAP002", "SNAP003", "SNAP004", "SNAP010", "SNAP011", "SNAP020", "SNAP021", "SNAP030", "SNAP031",
            "SNAP024", "SNAP025", "SNAP040", "SNAP041", "SNAP042", "SNAP043", "SNAP045", "SNAP046", "SNAP049",
        };

        private static readonly Regex Warning = new Regex(@"(?<file>[\w./\\-]+\.cs)\((?<line>\d+),(?<column>\d+)\): warning (?<id>SNAP\d{3})", RegexOptions.Compiled);

        /// <summary>The distinct SnapSafe warnings of a build output (MSBuild repeats them in its summary).</summary>
        private static List<Finding> Findings(string output)
            => Warning.Matches(output).Select(m => new Finding(m.Groups["id"].Value, Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(m.Groups["file"].Value)) ?? string.Empty) + "/" + Path.GetFileName(m.Groups["file"].Value)))
                .Distinct()
                .ToList();

        private sealed record Finding(string Id, string File);

        /// <summary>
        /// samples/ with the repository's build files, each sample consuming the packed package instead of the analyzer
        /// project, and the stand-ins built once and referenced as assemblies (a project reference would make the
        /// Amazon.Lambda and AWS SDK types source symbols of the solution, which they never are for a function);
        /// bin and obj left out. Returns the copied samples folder, with Consumers.sln listing the samples.
        /// </summary>
        private string CopySamples(string root)
        {
            CopyTree(Repository.PathOf("samples"), Path.Combine(root, "samples"));
            File.Copy(Repository.PathOf("Directory.Build.props"), Path.Combine(root, "Directory.Build.props"));
            var packages = File.ReadAllText(Repository.PathOf("Directory.Packages.props"))
                .Replace("</ItemGroup>", $"  <PackageVersion Include=\"SnapSafe.Analyzers\" Version=\"{_version}\" />\n  </ItemGroup>", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), packages);
            var samples = Path.Combine(root, "samples");
            File.WriteAllText(Path.Combine(samples, "Directory.Build.props"), @"<Project>
  <Import Project=""$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))"" />
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <Nullable>enable</Nullable>
    <IsPackable>false</IsPackable>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <WarningsAsErrors></WarningsAsErrors>
    <GenerateDocumentationFile>false</GenerateDocumentationFile>
  </PropertyGroup>
  <ItemGroup Condition=""!$(MSBuildProjectDirectory.Contains('StandIns'))"">
    <PackageReference Include=""SnapSafe.Analyzers"" PrivateAssets=""all"" />
  </ItemGroup>
</Project>
");
            File.WriteAllText(Path.Combine(samples, "Directory.Build.targets"), "<Project />\n");

            // The stand-ins as assemblies, one folder.
            var standIns = Path.Combine(samples, "StandIns");
            var assemblies = Path.Combine(root, "standins-bin");
            foreach (var project in Directory.GetFiles(standIns, "*.csproj", SearchOption.AllDirectories))
            {
                Run(Path.GetDirectoryName(project)!, "dotnet", $"build \"{project}\" -c Release -o \"{assemblies}\"");
            }

            // A package brings its dependencies: each stand-in assembly comes with the ones it references.
            var reference = new Regex(@"<ProjectReference Include=""[./]*(StandIns/)?[^/""]*/?(?<name>[^/""]+)\.csproj"" />");
            var dependencies = Directory.GetFiles(standIns, "*.csproj", SearchOption.AllDirectories).ToDictionary(
                p => Path.GetFileNameWithoutExtension(p),
                p => reference.Matches(File.ReadAllText(p)).Select(m => m.Groups["name"].Value).ToList());
            var packageReference = new Regex(@"<PackageReference Include=""(?<id>[^""]+)""[^>]*/>");
            var packagesOf = Directory.GetFiles(standIns, "*.csproj", SearchOption.AllDirectories).ToDictionary(
                p => Path.GetFileNameWithoutExtension(p),
                p => packageReference.Matches(File.ReadAllText(p)).Select(m => m.Groups["id"].Value).ToList());
            IEnumerable<string> WithDependencies(string name) => new[] { name }.Concat(dependencies.TryGetValue(name, out var direct) ? direct.SelectMany(WithDependencies) : Enumerable.Empty<string>());
            var consumers = new List<string>();
            foreach (var project in Directory.GetFiles(samples, "*.csproj", SearchOption.AllDirectories).Where(p => !p.StartsWith(standIns, StringComparison.Ordinal)))
            {
                var text = File.ReadAllText(project);
                var names = reference.Matches(text).SelectMany(m => WithDependencies(m.Groups["name"].Value)).Distinct().ToList();
                var ownPackages = packageReference.Matches(text).Select(m => m.Groups["id"].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var packagesToAdd = names.SelectMany(n => packagesOf.TryGetValue(n, out var ids) ? ids : new List<string>()).Where(id => !ownPackages.Contains(id)).Distinct().ToList();
                text = reference.Replace(text, string.Empty).Replace(
                    "</Project>",
                    "  <ItemGroup>\n"
                        + string.Concat(names.Select(n => $"    <Reference Include=\"{n}\"><HintPath>{Path.Combine(assemblies, n + ".dll")}</HintPath></Reference>\n"))
                        + string.Concat(packagesToAdd.Select(id => $"    <PackageReference Include=\"{id}\" />\n"))
                        + "  </ItemGroup>\n</Project>",
                    StringComparison.Ordinal);
                File.WriteAllText(project, text);
                consumers.Add(project);
            }

            Run(samples, "dotnet", "new sln -n Consumers --format sln");
            Run(samples, "dotnet", "sln Consumers.sln add " + string.Join(" ", consumers.Select(c => "\"" + c + "\"")));
            return samples;
        }

        private static void CopyTree(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.GetFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }

            foreach (var directory in Directory.GetDirectories(from))
            {
                var name = Path.GetFileName(directory);
                if (name != "bin" && name != "obj")
                {
                    CopyTree(directory, Path.Combine(to, name));
                }
            }
        }

        public void Dispose()
        {
            try
            {
                if (Directory.Exists(_root))
                {
                    Directory.Delete(_root, recursive: true);
                }

                // The package version is unique to this run: take it out of the machine's package cache again.
                var cached = Path.Combine(
                    Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
                    "snapsafe.analyzers",
                    _version);
                if (Directory.Exists(cached))
                {
                    Directory.Delete(cached, recursive: true);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private static void AssertFinding(string output, string file, int line, string id)
            => Assert.True(
                new Regex(Regex.Escape(file) + @"\(" + line + @",\d+\): warning " + id).IsMatch(output),
                $"expected '{file}({line},..): warning {id}' in the build output:\n{output}");

        private void WriteStandIn(string folder)
        {
            Directory.CreateDirectory(folder);
            foreach (var source in Directory.GetFiles(Repository.PathOf("samples", "StandIns", "Amazon.Lambda.Core"), "*.cs"))
            {
                File.Copy(source, Path.Combine(folder, Path.GetFileName(source)));
            }

            File.WriteAllText(Path.Combine(folder, "Amazon.Lambda.Core.csproj"), @"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <Nullable>enable</Nullable>
    <AssemblyName>Amazon.Lambda.Core</AssemblyName>
  </PropertyGroup>
</Project>
");
        }

        private string WriteProject(string folder, string name, string source)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "Function.cs"), source);
            File.WriteAllText(Path.Combine(folder, name + ".csproj"), $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <Nullable>enable</Nullable>
    <AssemblyName>{name}</AssemblyName>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include=""SnapSafe.Analyzers"" Version=""{_version}"" PrivateAssets=""all"" />
    <ProjectReference Include=""{Path.Combine(_root, "lambda", "Amazon.Lambda.Core.csproj")}"" />
  </ItemGroup>
</Project>
");
            return folder;
        }

        private static string Run(string directory, string fileName, string arguments, bool expectSuccess = true)
        {
            var start = new ProcessStartInfo(fileName, arguments)
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["TreatWarningsAsErrors"] = "false";
            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(300_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"'{fileName} {arguments}' did not finish in 5 minutes:\n{output}");
            }

            process.WaitForExit();
            var text = output.ToString();
            if (expectSuccess && process.ExitCode != 0)
            {
                throw new InvalidOperationException($"'{fileName} {arguments}' in {directory} exited with {process.ExitCode}:\n{text}");
            }

            if (!expectSuccess && process.ExitCode == 0)
            {
                throw new InvalidOperationException($"'{fileName} {arguments}' in {directory} was expected to fail:\n{text}");
            }

            return text;
        }
    }

    /// <summary>End-to-end builds run one at a time.</summary>
    [CollectionDefinition(nameof(EndToEndCollection), DisableParallelization = true)]
    public sealed class EndToEndCollection
    {
    }
}
