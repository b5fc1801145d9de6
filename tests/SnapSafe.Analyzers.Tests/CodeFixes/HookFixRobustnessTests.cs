using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SnapSafe.Analyzers.CodeFixes;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;

namespace SnapSafe.Analyzers.Tests.CodeFixes
{
    /// <summary>
    /// Half-typed code, as the editor sees it between keystrokes: the analyzer reports no exception (AD0001), and every
    /// fix the hook fix providers offer for what it reports computes its edit without throwing.
    /// </summary>
    public class HookFixRobustnessTests
    {
        public static IEnumerable<object[]> HalfTypedSources() => new[]
        {
            new object[] { @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
public class Function
{
    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            _ = Task.Delay(1);
            var x =
            return default;
        });
    }
    public string Handler(string input, ILambdaContext context) => input;
}" },
            new object[] { @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
public class Function
{
    public string Handler(string input, ILambdaContext context)
    {
        SnapshotRestore.RegisterAfterRestore(() => default)
        return input
    }
}" },
            new object[] { @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
public class Function(
{
    public string Handler(string input, ILambdaContext context)
    {
        SnapshotRestore.RegisterAfterRestore(() => default);
        return input;
    }
}" },
            new object[] { @"
using System.Data.Common;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
public class Function
{
    public Function(DbConnection connection)
    {
        using (connection)
        {
            connection.Open(
        }
        SnapshotRestore.RegisterBeforeSnapshot(WarmUp
    }
    private ValueTask WarmUp() { Task.Delay(1); return }
    public string Handler(string input, ILambdaContext context) => input;
}" },
            new object[] { @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
public class Function
{
    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(async () =>
        {
            Task.Delay(1);
            SnapshotRestore.RegisterAfterRestore(() => default);
        }
    }
    public string Handler(string input, ILambdaContext context) { SnapshotRestore.RegisterBeforeSnapshot(() => ; }
}" },
        };

        [Theory]
        [MemberData(nameof(HalfTypedSources))]
        public async Task HalfTypedCode_NoAnalyzerOrFixException(string source)
        {
            var references = (await StandInReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None))
                .AddRange(await StandInReferences.ForModelAsync(LambdaModel.ClassLibrary));
            using var workspace = new AdhocWorkspace();
            var project = workspace.AddProject(ProjectInfo.Create(
                ProjectId.CreateNewId(),
                VersionStamp.Default,
                "Test",
                "Test",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: references));
            var document = workspace.AddDocument(project.Id, "Function.cs", SourceText.From(source));

            var compilation = (await document.Project.GetCompilationAsync())!;
            var exceptions = new List<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, diagnostic) => exceptions.Add(exception.ToString()),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SnapSafeAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");

            var fixes = new CodeFixProvider[] { new SNAP011ClearPoolsCodeFix(), new SNAP040MoveHookRegistrationCodeFix(), new SNAP042AwaitHookWorkCodeFix() };
            foreach (var diagnostic in diagnostics.Where(d => d.Location.IsInSource))
            {
                foreach (var fix in fixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    var actions = new List<CodeAction>();
                    var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
                    await fix.RegisterCodeFixesAsync(context);
                    foreach (var action in actions)
                    {
                        var operations = await action.GetOperationsAsync(CancellationToken.None);
                        Assert.NotEmpty(operations);
                    }
                }
            }
        }
    }
}
