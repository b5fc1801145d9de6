using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SnapSafe.Analyzers.CodeFixes.Deployment;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;

namespace SnapSafe.Analyzers.Tests.CodeFixes
{
    /// <summary>
    /// SNAP050's fix edits the template (an AdditionalDocument): <c>AutoPublishAlias: live</c> on a SAM function,
    /// <c>"function-publish": true</c> in tools defaults, at the indentation and in the style of the file. The
    /// testing library offers fixes for source documents only, so these tests drive the fixer the way an IDE host
    /// does: a <see cref="CodeFixContext"/> over the <see cref="TextDocument"/> the diagnostic is in.
    /// </summary>
    public class PublishVersionCodeFixTests
    {
        private const string Handlers = """
            using Amazon.Lambda.Core;

            namespace Shop
            {
                public class Orders
                {
                    public string Handler(string input, ILambdaContext context) => input;
                }
            }
            """;

        private static async Task VerifyAsync(string path, string template, string? fixedTemplate)
        {
            using var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var documentId = DocumentId.CreateNewId(projectId);
            var references = (await StandInReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None))
                .AddRange(await StandInReferences.ForModelAsync(LambdaModel.ClassLibrary));
            var solution = workspace.CurrentSolution
                .AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "TestProject", "TestProject", LanguageNames.CSharp, compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary), metadataReferences: references))
                .AddDocument(DocumentId.CreateNewId(projectId), "Test0.cs", Handlers, filePath: "/0/Test0.cs")
                .AddAdditionalDocument(documentId, Path.GetFileName(path), SourceText.From(template), filePath: "/0/" + path);

            var diagnostic = Assert.Single(await AnalyzeAsync(solution.GetProject(projectId)!), d => d.Id == "SNAP050");
            Assert.Equal("/0/" + path, diagnostic.Location.GetLineSpan().Path);

            var document = solution.GetProject(projectId)!.GetAdditionalDocument(documentId)!;
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await new PublishVersionCodeFixProvider().RegisterCodeFixesAsync(context);
            if (fixedTemplate == null)
            {
                Assert.Empty(actions);
                return;
            }

            var fix = Assert.Single(actions);
            Assert.Equal(PublishVersionCodeFixProvider.EquivalenceKey, fix.EquivalenceKey);
            var operation = Assert.Single((await fix.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
            var changed = operation.ChangedSolution;
            var fixedText = (await changed.GetProject(projectId)!.GetAdditionalDocument(documentId)!.GetTextAsync()).ToString();
            Assert.Equal(fixedTemplate, fixedText);

            // The fixed template publishes a version: SNAP050 is gone, and nothing else appeared.
            Assert.DoesNotContain(await AnalyzeAsync(changed.GetProject(projectId)!), d => d.Id.StartsWith("SNAP", System.StringComparison.Ordinal));
        }

        private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project)
        {
            var compilation = (await project.GetCompilationAsync())!;
            return await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SnapSafeAnalyzer()), project.AnalyzerOptions)
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        }

        [Fact]
        public void TheFix_IsExportedForAdditionalDocuments()
        {
            var export = Assert.Single(typeof(PublishVersionCodeFixProvider).GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), false).Cast<ExportCodeFixProviderAttribute>());
            Assert.Equal(new[] { nameof(TextDocumentKind.AdditionalDocument) }, export.DocumentKinds);
            Assert.Contains(".template", export.DocumentExtensions!);
            Assert.Contains(".yaml", export.DocumentExtensions!);
        }

        [Fact]
        public Task Yaml_AddsTheAliasBeforeSnapStart_AtItsIndentation() => VerifyAsync(
            "template.yaml",
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders::Handler
                  Runtime: dotnet8
                  SnapStart:
                    ApplyOn: PublishedVersions
            """,
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders::Handler
                  Runtime: dotnet8
                  AutoPublishAlias: live
                  SnapStart:
                    ApplyOn: PublishedVersions
            """);

        [Fact]
        public Task Yaml_SnapStartFromGlobals_AddsTheAliasToTheFunction() => VerifyAsync(
            "template.yml",
            """
            Globals:
              Function:
                SnapStart:
                  ApplyOn: PublishedVersions
            Resources:
                Orders:
                    Type: AWS::Serverless::Function
                    Properties:
                        Handler: TestProject::Shop.Orders::Handler
            """,
            """
            Globals:
              Function:
                SnapStart:
                  ApplyOn: PublishedVersions
            Resources:
                Orders:
                    Type: AWS::Serverless::Function
                    Properties:
                        AutoPublishAlias: live
                        Handler: TestProject::Shop.Orders::Handler
            """);

        [Fact]
        public Task Yaml_FlowMappingProperties_GetTheAliasInline() => VerifyAsync(
            "template.yaml",
            "Resources:\n  Orders:\n    Type: AWS::Serverless::Function\n    Properties: {Handler: TestProject::Shop.Orders::Handler, SnapStart: {ApplyOn: PublishedVersions}}\n",
            "Resources:\n  Orders:\n    Type: AWS::Serverless::Function\n    Properties: {Handler: TestProject::Shop.Orders::Handler, AutoPublishAlias: live, SnapStart: {ApplyOn: PublishedVersions}}\n");

        [Fact]
        public Task Yaml_WindowsLineEndings_AreKept() => VerifyAsync(
            "template.yaml",
            "Resources:\r\n  Orders:\r\n    Type: AWS::Serverless::Function\r\n    Properties:\r\n      Handler: TestProject::Shop.Orders::Handler\r\n      SnapStart:\r\n        ApplyOn: PublishedVersions\r\n",
            "Resources:\r\n  Orders:\r\n    Type: AWS::Serverless::Function\r\n    Properties:\r\n      Handler: TestProject::Shop.Orders::Handler\r\n      AutoPublishAlias: live\r\n      SnapStart:\r\n        ApplyOn: PublishedVersions\r\n");

        [Fact]
        public Task Json_AddsAnEntryWithItsComma() => VerifyAsync(
            "serverless.template",
            """
            {
              "Resources": {
                "Orders": {
                  "Type": "AWS::Serverless::Function",
                  "Properties": {
                    "Handler": "TestProject::Shop.Orders::Handler",
                    "SnapStart": { "ApplyOn": "PublishedVersions" }
                  }
                }
              }
            }
            """,
            """
            {
              "Resources": {
                "Orders": {
                  "Type": "AWS::Serverless::Function",
                  "Properties": {
                    "Handler": "TestProject::Shop.Orders::Handler",
                    "AutoPublishAlias": "live",
                    "SnapStart": { "ApplyOn": "PublishedVersions" }
                  }
                }
              }
            }
            """);

        [Fact]
        public Task Json_OneLineProperties_GetTheEntryInline() => VerifyAsync(
            "serverless.template",
            """{ "Resources": { "Orders": { "Type": "AWS::Serverless::Function", "Properties": { "Handler": "TestProject::Shop.Orders::Handler", "SnapStart": { "ApplyOn": "PublishedVersions" } } } } }""",
            """{ "Resources": { "Orders": { "Type": "AWS::Serverless::Function", "Properties": { "Handler": "TestProject::Shop.Orders::Handler", "AutoPublishAlias": "live", "SnapStart": { "ApplyOn": "PublishedVersions" } } } } }""");

        [Fact]
        public Task ToolsDefaults_GetFunctionPublish() => VerifyAsync(
            "aws-lambda-tools-defaults.json",
            """
            {
              "function-handler": "TestProject::Shop.Orders::Handler",
              "snap-start-apply-on": "PublishedVersions"
            }
            """,
            """
            {
              "function-handler": "TestProject::Shop.Orders::Handler",
              "function-publish": true,
              "snap-start-apply-on": "PublishedVersions"
            }
            """);

        [Fact]
        public Task ToolsDefaults_FunctionPublishFalse_BecomesTrue() => VerifyAsync(
            "aws-lambda-tools-defaults.json",
            """
            {
              "function-handler": "TestProject::Shop.Orders::Handler",
              "function-publish": false,
              "snap-start-apply-on": "PublishedVersions"
            }
            """,
            """
            {
              "function-handler": "TestProject::Shop.Orders::Handler",
              "function-publish": true,
              "snap-start-apply-on": "PublishedVersions"
            }
            """);

        [Fact]
        public Task RawFunctions_GetNoFix() => VerifyAsync(
            "template.yaml",
            """
            Resources:
              OrdersFn:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: TestProject::Shop.Orders::Handler
                  SnapStart:
                    ApplyOn: PublishedVersions
            """,
            fixedTemplate: null);

        [Fact]
        public Task PropertiesSharedThroughAnAlias_AreEditedWhereTheyAreWritten() => VerifyAsync(
            "template.yaml",
            """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties: &shared
                  Handler: TestProject::Shop.Orders::Handler
                  SnapStart:
                    ApplyOn: PublishedVersions
              Copy:
                Type: AWS::Serverless::Function
                Properties: *shared
            """,
            """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties: &shared
                  Handler: TestProject::Shop.Orders::Handler
                  AutoPublishAlias: live
                  SnapStart:
                    ApplyOn: PublishedVersions
              Copy:
                Type: AWS::Serverless::Function
                Properties: *shared
            """);
    }
}
