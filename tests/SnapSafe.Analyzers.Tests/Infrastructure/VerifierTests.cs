using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyAnalyzer = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.Tests.Infrastructure.UnseededRandomAnalyzer>;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SnapSafe.Analyzers.Tests.Infrastructure.UnseededRandomAnalyzer,
    SnapSafe.Analyzers.Tests.Infrastructure.SeedRandomCodeFix>;

#pragma warning disable RS1036, RS2008 // Test-only analyzers: never shipped, no release tracking.

namespace SnapSafe.Analyzers.Tests.Infrastructure
{
    /// <summary>The verifiers carry markup, models, configuration files, additional files and code fixes through.</summary>
    public class VerifierTests
    {
        private const string Handler = @"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Random _random = {|TEST001:new Random()|};

    public int Handler(string input, ILambdaContext context) => _random.Next();
}";

        [Fact]
        public Task Markup_IsReported() => VerifyAnalyzer.VerifyClassLibraryAsync(Handler);

        [Fact]
        public Task ExplicitDiagnostic_IsReported() => VerifyAnalyzer.VerifyAnalyzerAsync(@"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Random _random = new Random();

    public int Handler(string input, ILambdaContext context) => _random.Next();
}", VerifyAnalyzer.Diagnostic("TEST001").WithSpan(7, 39, 7, 51).WithArguments("Function"));

        [Fact]
        public Task NoLambdaModel_HasNoLambdaTypes() => VerifyAnalyzer.VerifyNoLambdaAsync(@"
using System;

public class Function
{
    private readonly Random _random = new Random();
}");

        [Fact]
        public Task GlobalConfig_ReachesTheAnalyzer() => new VerifyAnalyzer.Test(LambdaModel.ClassLibrary)
        {
            TestCode = Handler.Replace("{|TEST001:new Random()|}", "new Random()"),
        }.WithGlobalConfig("test.enabled = false").RunAsync();

        [Fact]
        public Task EditorConfig_SeverityNone_SilencesTheRule() => new VerifyAnalyzer.Test(LambdaModel.ClassLibrary)
        {
            TestCode = Handler.Replace("{|TEST001:new Random()|}", "new Random()"),
        }.WithEditorConfig("dotnet_diagnostic.TEST001.severity = none").RunAsync();

        [Fact]
        public Task AdditionalFile_ReachesTheAnalyzer() => new VerifyAnalyzer.Test(LambdaModel.ClassLibrary)
        {
            TestCode = Handler,
            ExpectedDiagnostics = { VerifyAnalyzer.Diagnostic("TEST002").WithNoLocation() },
        }.WithAdditionalFile("serverless.template", "{ }").RunAsync();

        [Theory]
        [InlineData(LambdaModel.ClassLibrary)]
        [InlineData(LambdaModel.Annotations)]
        [InlineData(LambdaModel.CoreWithoutSnapshotRestore)]
        public Task EveryModelWithCore_SeesTheHandler(LambdaModel model) => VerifyAnalyzer.VerifyAnalyzerAsync(model, Handler);

        [Fact]
        public Task ExecutableModel_CompilesTopLevelStatements() => VerifyAnalyzer.VerifyExecutableAsync(@"
using System;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var random = {|TEST001:new Random()|};
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => random.Next(), new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task CodeFix_IsApplied_AndTheFixedCodeCompilesWithTheModel() => VerifyCS.VerifyCodeFixAsync(Handler, @"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Random _random = new Random(42);

    public int Handler(string input, ILambdaContext context) => _random.Next();
}");

        [Fact]
        public Task CodeFix_InMinimalApiModel() => VerifyCS.VerifyCodeFixAsync(LambdaModel.MinimalApi, @"
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
var random = {|TEST001:new Random()|};
app.MapGet(""/"", () => random.Next());
app.Run();
", @"
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
var random = new Random(42);
app.MapGet(""/"", () => random.Next());
app.Run();
");

        [Fact]
        public Task CodeFix_FixAll() => new VerifyCS.Test(LambdaModel.Annotations)
        {
            TestCode = @"
using System;
using Amazon.Lambda.Annotations;

public class Functions
{
    private readonly Random _a = {|TEST001:new Random()|};
    private readonly Random _b = {|TEST001:new Random()|};

    [LambdaFunction]
    public int Roll() => _a.Next() + _b.Next();
}",
            FixedCode = @"
using System;
using Amazon.Lambda.Annotations;

public class Functions
{
    private readonly Random _a = new Random(42);
    private readonly Random _b = new Random(42);

    [LambdaFunction]
    public int Roll() => _a.Next() + _b.Next();
}",
        }.RunAsync();

        [Fact]
        public Task CodeFixVerifier_VerifyAnalyzerAsync_ExpectsNoFix() => VerifyCS.VerifyAnalyzerAsync(@"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Random _random = new Random(7);

    public int Handler(string input, ILambdaContext context) => _random.Next();
}");
    }

    /// <summary>
    /// A throwaway analyzer for the verifier tests: TEST001 on <c>new Random()</c> when Amazon.Lambda.Core is
    /// referenced (as metadata) and <c>test.enabled</c> is not false; TEST002 when a serverless.template is present.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnseededRandomAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Unseeded = new DiagnosticDescriptor(
            "TEST001", "Unseeded Random", "Unseeded Random in '{0}'", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor TemplateSeen = new DiagnosticDescriptor(
            "TEST002", "Template seen", "Template seen", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true, customTags: WellKnownDiagnosticTags.CompilationEnd);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Unseeded, TemplateSeen);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var lambdaContext = start.Compilation.GetTypeByMetadataName("Amazon.Lambda.Core.ILambdaContext");
                var random = start.Compilation.GetTypeByMetadataName("System.Random");
                if (lambdaContext == null || !lambdaContext.Locations.All(l => l.IsInMetadata) || random == null)
                {
                    return;
                }

                if (start.Options.AdditionalFiles.Any(f => f.Path.EndsWith("serverless.template", System.StringComparison.Ordinal)))
                {
                    start.RegisterCompilationEndAction(end => end.ReportDiagnostic(Diagnostic.Create(TemplateSeen, Location.None)));
                }

                start.RegisterOperationAction(
                    operation =>
                    {
                        var creation = (IObjectCreationOperation)operation.Operation;
                        var options = operation.Options.AnalyzerConfigOptionsProvider.GetOptions(operation.Operation.Syntax.SyntaxTree);
                        if (options.TryGetValue("test.enabled", out var enabled) && enabled == "false")
                        {
                            return;
                        }

                        if (SymbolEqualityComparer.Default.Equals(creation.Type, random) && creation.Arguments.Length == 0)
                        {
                            var type = operation.ContainingSymbol.ContainingType?.Name ?? "<top-level>";
                            operation.ReportDiagnostic(Diagnostic.Create(Unseeded, creation.Syntax.GetLocation(), type));
                        }
                    },
                    OperationKind.ObjectCreation);
            });
        }
    }

    /// <summary>A throwaway fix for the verifier tests: seeds the Random with 42.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SeedRandomCodeFix)), Shared]
    public sealed class SeedRandomCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("TEST001");

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not BaseObjectCreationExpressionSyntax creation)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Seed with 42",
                    cancellationToken =>
                    {
                        var seeded = SyntaxFactory.ParseExpression("new Random(42)").WithTriviaFrom(creation);
                        return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(creation, seeded)));
                    },
                    equivalenceKey: nameof(SeedRandomCodeFix)),
                context.Diagnostics);
        }
    }
}
