using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Rules.Deployment.DeploymentVerifier;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules.Deployment
{
    public class SNAP050NoVersionPublishedTests
    {
        private const string SamFix = "add AutoPublishAlias (or an AWS::Lambda::Version) and invoke the alias";
        private const string RawFix = "add an AWS::Lambda::Version that references it, and invoke that version or an alias of it";
        private const string ToolsFix = "set \"function-publish\": true so that dotnet lambda deploy-function publishes a version";

        [Fact]
        public Task Sam_SnapStartWithoutAlias_IsReportedOnTheSnapStartKey() => VerifyAsync(
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
            VerifyCS.Diagnostic("SNAP050").WithSpan("/0/template.yaml", 8, 7, 8, 16).WithArguments("Orders", SamFix));

        [Fact]
        public Task Sam_AliasOnTheResource_IsClean() => VerifyAsync(
            "template.yaml",
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
        public Task Sam_AliasOnlyInGlobals_IsClean() => VerifyAsync(
            "template.yaml",
            """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                AutoPublishAlias: !Ref AliasName
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders::Handler
                  SnapStart:
                    ApplyOn: PublishedVersions
            """);

        [Fact]
        public Task Sam_SnapStartOnlyInGlobals_IsReportedOnTheFunction() => VerifyAsync(
            "template.yaml",
            """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: dotnet8
                SnapStart:
                  ApplyOn: PublishedVersions
            Resources:
              {|#0:Orders|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders::Handler
              Reports:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Reports::Handler
                  AutoPublishAlias: live
            """,
            VerifyCS.Diagnostic("SNAP050").WithLocation(0).WithArguments("Orders", SamFix));

        [Fact]
        public Task Sam_SnapStartAndAliasInGlobals_IsClean() => VerifyAsync(
            "template.yaml",
            """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                AutoPublishAlias: live
                SnapStart:
                  ApplyOn: PublishedVersions
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders::Handler
            """);

        [Fact]
        public Task Sam_WithAnExplicitVersion_IsClean() => VerifyAsync(
            "template.yaml",
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders::Handler
                  SnapStart:
                    ApplyOn: PublishedVersions
              OrdersVersion:
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: !Ref Orders
            """);

        [Fact]
        public Task Raw_WithoutAVersion_IsReported_WithAVersion_IsClean() => VerifyAsync(
            "template.yaml",
            """
            Resources:
              OrdersFn:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: TestProject::Shop.Orders::Handler
                  Runtime: dotnet8
                  {|#0:SnapStart|}:
                    ApplyOn: PublishedVersions
              ReportsFn:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: TestProject::Shop.Reports::Handler
                  Runtime: dotnet8
                  SnapStart:
                    ApplyOn: PublishedVersions
              ReportsVersion:
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: !GetAtt ReportsFn.Arn
            """,
            VerifyCS.Diagnostic("SNAP050").WithLocation(0).WithArguments("OrdersFn", RawFix));

        [Fact]
        public Task Raw_AnAliasWithoutAVersion_DoesNotPublish() => VerifyAsync(
            "template.yaml",
            """
            Resources:
              OrdersFn:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: TestProject::Shop.Orders::Handler
                  Runtime: dotnet8
                  {|#0:SnapStart|}:
                    ApplyOn: PublishedVersions
              Live:
                Type: AWS::Lambda::Alias
                Properties:
                  FunctionName: !Ref OrdersFn
                  FunctionVersion: $LATEST
                  Name: live
            """,
            VerifyCS.Diagnostic("SNAP050").WithLocation(0).WithArguments("OrdersFn", RawFix));

        [Fact]
        public Task RawJson_WithoutAVersion_IsReportedAtTheKeysLineAndColumn() => VerifyAsync(
            "serverless.template",
            """
            {
              "Resources": {
                "OrdersFn": {
                  "Type": "AWS::Lambda::Function",
                  "Properties": {
                    "Handler": "TestProject::Shop.Orders::Handler",
                    "Runtime": "dotnet8",
                    "SnapStart": { "ApplyOn": "PublishedVersions" }
                  }
                },
                "ReportsFn": {
                  "Type": "AWS::Lambda::Function",
                  "Properties": { "Handler": "TestProject::Shop.Reports::Handler", "Runtime": "dotnet8", "SnapStart": { "ApplyOn": "PublishedVersions" } }
                },
                "ReportsVersion": { "Type": "AWS::Lambda::Version", "Properties": { "FunctionName": { "Fn::GetAtt": ["ReportsFn", "Arn"] } } }
              }
            }
            """,
            VerifyCS.Diagnostic("SNAP050").WithSpan("/0/serverless.template", 8, 9, 8, 20).WithArguments("OrdersFn", RawFix));

        [Fact]
        public Task ToolsDefaults_WithoutFunctionPublish_IsReportedOnSnapStartApplyOn() => VerifyAsync(
            "aws-lambda-tools-defaults.json",
            """
            {
              "function-handler": "TestProject::Shop.Orders::Handler",
              "function-name": "orders",
              "snap-start-apply-on": "PublishedVersions"
            }
            """,
            VerifyCS.Diagnostic("SNAP050").WithSpan("/0/aws-lambda-tools-defaults.json", 4, 3, 4, 24).WithArguments("orders", ToolsFix));

        [Fact]
        public Task ToolsDefaults_WithFunctionPublishTrue_IsClean() => VerifyAsync(
            "aws-lambda-tools-defaults.json",
            """
            {
              "function-handler": "TestProject::Shop.Orders::Handler",
              "function-publish": true,
              "snap-start-apply-on": "PublishedVersions"
            }
            """);

        [Fact]
        public Task ToolsDefaults_FunctionPublishAsAString_DoesNotPublish() => VerifyAsync(
            "aws-lambda-tools-defaults.json",
            """
            {
              "function-handler": "TestProject::Shop.Orders::Handler",
              "function-publish": "true",
              {|#0:"snap-start-apply-on"|}: "PublishedVersions"
            }
            """,
            VerifyCS.Diagnostic("SNAP050").WithLocation(0).WithArguments("aws-lambda-tools-defaults.json", ToolsFix));

        [Fact]
        public Task SnapStartNone_AndNoSnapStart_AreClean() => VerifyAsync(
            "template.yaml",
            """
            Resources:
              OrdersFn:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: TestProject::Shop.Orders::Handler
                  SnapStart:
                    ApplyOn: None
              ReportsFn:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: TestProject::Shop.Reports::Handler
            """);

        [Fact]
        public Task SnapStartFromAnIntrinsic_CountsAsOn() => VerifyAsync(
            "template.yaml",
            """
            Resources:
              OrdersFn:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: TestProject::Shop.Orders::Handler
                  {|#0:SnapStart|}:
                    ApplyOn: !If [IsProd, PublishedVersions, None]
            """,
            VerifyCS.Diagnostic("SNAP050").WithLocation(0).WithArguments("OrdersFn", RawFix));

        [Fact]
        public Task FunctionsOfAnotherAssembly_AreLeftToTheirProject() => VerifyAsync(
            "template.yaml",
            """
            Resources:
              Billing:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Billing::Billing.Function::Handler
                  SnapStart:
                    ApplyOn: PublishedVersions
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders::Handler
                  Runtime: dotnet8
            """);

        [Fact]
        public Task GlobalConfigSeverity_None_Silences() => Create(Handlers, "template.yaml", UnpublishedTemplate)
            .WithGlobalConfig("dotnet_diagnostic.SNAP050.severity = none")
            .RunWith();

        /// <summary>
        /// The compiler applies .editorconfig severities to source files only, not to AdditionalFiles
        /// (dotnet/roslyn#31916), and category keys not even from .globalconfig: the rule pages say to use the rule's
        /// own key in .globalconfig (raising a template finding to an error that way is checked end to end, with the
        /// SDK's compiler). These pin that documented behaviour.
        /// </summary>
        [Fact]
        public Task GlobalConfigCategorySeverity_DoesNotReachTemplates() => Create(Handlers, "template.yaml", UnpublishedTemplate)
            .WithGlobalConfig("dotnet_analyzer_diagnostic.category-SnapStart.severity = error")
            .RunWith(VerifyCS.Diagnostic("SNAP050").WithSpan("/0/template.yaml", 6, 7, 6, 16).WithArguments("Orders", SamFix));

        [Fact]
        public Task EditorConfigSeverity_DoesNotReachTemplates() => Create(Handlers, "template.yaml", UnpublishedTemplate)
            .WithEditorConfig("[*]\ndotnet_diagnostic.SNAP050.severity = none")
            .RunWith(VerifyCS.Diagnostic("SNAP050").WithSpan("/0/template.yaml", 6, 7, 6, 16).WithArguments("Orders", SamFix));

        [Theory]
        [InlineData("global")]
        [InlineData("[*.yaml]")]
        [InlineData("[*.cs]")]
        public Task SnapStartDisabled_Silences(string where)
        {
            var test = Create(Handlers, "template.yaml", UnpublishedTemplate);
            return (where == "global" ? test.WithGlobalConfig("snapsafe.snapstart = disabled") : test.WithEditorConfig(where + "\nsnapsafe.snapstart = disabled")).RunWith();
        }

        [Fact]
        public Task SnapStartDisabledForTheTemplateOnly_SilencesTheTemplateOnly() => Create(
                "using System;\nusing Amazon.Lambda.Core;\nnamespace Shop { public class Orders { private readonly Guid _id = {|SNAP002:Guid.NewGuid()|}; public string Handler(string input, ILambdaContext context) => input + _id; } }",
                "template.yaml",
                UnpublishedTemplate)
            .WithEditorConfig("[*.yaml]\nsnapsafe.snapstart = disabled")
            .RunWith();

        [Fact]
        public Task UnreadableTemplate_GivesSnap901Only() => VerifyAsync(
            "template.yaml",
            "Resources:\n  Orders:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: TestProject::Shop.Orders::Handler\n      SnapStart: {ApplyOn: PublishedVersions\n",
            VerifyCS.Diagnostic("SNAP901").WithSpan("/0/template.yaml", 6, 18, 6, 18).WithArguments("template.yaml", "a flow mapping is not closed"));

        [Fact]
        public Task Executable_ToolsDefaultsWithoutPublish_IsReported() => Create(
                """
                using System;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;

                Func<string, ILambdaContext, string> handler = (input, context) => input;
                await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                """,
                "aws-lambda-tools-defaults.json",
                """{ "function-handler": "TestProject", "function-runtime": "dotnet8", {|#0:"snap-start-apply-on"|}: "PublishedVersions" }""",
                LambdaModel.Executable)
            .RunWith(VerifyCS.Diagnostic("SNAP050").WithLocation(0).WithArguments("aws-lambda-tools-defaults.json", ToolsFix));

        private const string UnpublishedTemplate = """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders::Handler
                  SnapStart:
                    ApplyOn: PublishedVersions
            """;
    }
}
