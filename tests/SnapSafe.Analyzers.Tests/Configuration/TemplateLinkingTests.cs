using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Configuration
{
    /// <summary>
    /// <c>snapsafe.snapstart = auto</c>: which handlers the deployment templates (AdditionalFiles) deploy with
    /// SnapStart, SAM and raw CloudFormation, JSON and YAML, <c>Globals.Function</c>, aws-lambda-tools-defaults.json.
    /// Templates SnapSafe cannot read: SNAP901TemplateUnreadableTests.
    /// </summary>
    public class TemplateLinkingTests
    {
        internal static Task VerifyWithAdditionalFilesAsync(string source, (string Path, string Text)[] files, string? editorConfig, params DiagnosticResult[] expected)
            => VerifyWithAdditionalFilesAsync(LambdaModel.ClassLibrary, source, files, editorConfig, expected);

        private static Task VerifyWithAdditionalFilesAsync(LambdaModel model, string source, (string Path, string Text)[] files, string? editorConfig, params DiagnosticResult[] expected)
        {
            var test = new VerifyCS.Test(model) { TestCode = source };

            // These tests are about which handlers the templates deploy with SnapStart; what the deployment rules
            // say about the templates themselves is tested in Rules/Deployment.
            test.DisabledDiagnostics.AddRange(DeploymentRules);
            foreach (var (path, text) in files)
            {
                test.WithAdditionalFile(path, text);
            }

            if (editorConfig != null)
            {
                test.WithEditorConfig(editorConfig);
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        private static readonly string[] DeploymentRules = { "SNAP050", "SNAP051", "SNAP052", "SNAP053" };

        // The test compilation's assembly name is TestProject.
        internal const string TwoFunctions = @"
using System;
using Amazon.Lambda.Core;

namespace Shop
{
    public class Orders
    {
        private readonly Guid _id = {|#0:Guid.NewGuid()|};
        public string Handler(string input, ILambdaContext context) => input;
    }

    public class Reports
    {
        private readonly Guid _id = {|#1:Guid.NewGuid()|};
        public string Handler(string input, ILambdaContext context) => input;
    }
}";

        [Fact]
        public Task SamJson_SnapStartOnForOneFunctionOnly_ReportsOnlyThatOne() => VerifyWithAdditionalFilesAsync(
            TwoFunctions,
            new[]
            {
                ("serverless.template", @"{
  ""AWSTemplateFormatVersion"": ""2010-09-09"",
  ""Transform"": ""AWS::Serverless-2016-10-31"",
  ""Resources"": {
    ""Orders"": { ""Type"": ""AWS::Serverless::Function"", ""Properties"": { ""Handler"": ""TestProject::Shop.Orders::Handler"", ""SnapStart"": { ""ApplyOn"": ""PublishedVersions"" } } },
    ""Reports"": { ""Type"": ""AWS::Serverless::Function"", ""Properties"": { ""Handler"": ""TestProject::Shop.Reports::Handler"" } }
  }
}"),
            },
            null,
            VerifyCS.Diagnostic("SNAP002").WithLocation(0).WithArguments("_id", "Guid.NewGuid()"));

        [Fact]
        public Task SamYaml_GlobalsOnAndOneFunctionOff_ReportsTheOtherOne() => VerifyWithAdditionalFilesAsync(
            TwoFunctions,
            new[]
            {
                ("template.yaml", @"AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
# SnapStart for every function unless it says otherwise
Globals:
  Function:
    Runtime: dotnet8
    SnapStart:
      ApplyOn: PublishedVersions
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Handler: TestProject::Shop.Orders::Handler
      AutoPublishAlias: live
      Policies:
        - DynamoDBCrudPolicy:
            TableName: !Ref Table
  Reports:
    Type: AWS::Serverless::Function
    Properties:
      Handler: TestProject::Shop.Reports::Handler
      SnapStart: { ApplyOn: None }
"),
            },
            null,
            VerifyCS.Diagnostic("SNAP002").WithLocation(0).WithArguments("_id", "Guid.NewGuid()"));

        [Fact]
        public Task ToolsDefaults_WithoutSnapStart_SilencesTheProject() => VerifyWithAdditionalFilesAsync(
            @"
using System;
using Amazon.Lambda.Core;

namespace Shop
{
    public class Orders
    {
        private readonly Guid _id = Guid.NewGuid();
        public string Handler(string input, ILambdaContext context) => input + Environment.GetEnvironmentVariable(""AWS_SESSION_TOKEN"");
    }
}",
            new[] { ("aws-lambda-tools-defaults.json", @"{ ""profile"": """", ""function-handler"": ""TestProject::Shop.Orders::Handler"", ""function-runtime"": ""dotnet8"" }") },
            null);

        [Fact]
        public Task EnabledKey_OverridesTemplates() => VerifyWithAdditionalFilesAsync(
            @"
using System;
using Amazon.Lambda.Core;

namespace Shop
{
    public class Orders
    {
        private readonly Guid _id = {|SNAP002:Guid.NewGuid()|};
        public string Handler(string input, ILambdaContext context) => input;
    }
}",
            new[] { ("aws-lambda-tools-defaults.json", @"{ ""function-handler"": ""TestProject::Shop.Orders::Handler"" }") },
            "snapsafe.snapstart = enabled");

        [Fact]
        public Task TemplateHandler_IsAHandlerWithoutILambdaContext() => VerifyWithAdditionalFilesAsync(
            @"
using System;
using Amazon.Lambda.Core;

namespace Shop
{
    public class Orders
    {
        private readonly Guid _id = {|SNAP002:Guid.NewGuid()|};
        public string Handler(string input) => input + _id;
    }
}",
            new[] { ("aws-lambda-tools-defaults.json", @"{
  // written by the AWS toolkit
  ""function-handler"": ""TestProject::Shop.Orders::Handler"",
  ""snap-start-apply-on"": ""PublishedVersions""
}") },
            null);

        [Fact]
        public Task RawCloudFormation_LambdaFunctionWithSnapStart_Reports() => VerifyWithAdditionalFilesAsync(
            TwoFunctions,
            new[]
            {
                ("template.yml", @"Resources:
  OrdersFn:
    Type: AWS::Lambda::Function
    Properties:
      Handler: TestProject::Shop.Orders::Handler
      Runtime: dotnet8
      SnapStart:
        ApplyOn: PublishedVersions
  ReportsFn:
    Type: AWS::Lambda::Function
    Properties:
      Handler: TestProject::Shop.Reports::Handler
      Runtime: dotnet8
"),
            },
            null,
            VerifyCS.Diagnostic("SNAP002").WithLocation(0).WithArguments("_id", "Guid.NewGuid()"));

        [Fact]
        public Task RawCloudFormationJson_LambdaFunctionWithSnapStart_Reports() => VerifyWithAdditionalFilesAsync(
            TwoFunctions,
            new[]
            {
                ("serverless.template", @"{
  ""Resources"": {
    ""OrdersFn"": { ""Type"": ""AWS::Lambda::Function"", ""Properties"": { ""Handler"": ""TestProject::Shop.Orders::Handler"", ""Runtime"": ""dotnet8"", ""SnapStart"": { ""ApplyOn"": ""PublishedVersions"" } } },
    ""ReportsFn"": { ""Type"": ""AWS::Lambda::Function"", ""Properties"": { ""Handler"": ""TestProject::Shop.Reports::Handler"", ""Runtime"": ""dotnet8"", ""SnapStart"": { ""ApplyOn"": ""None"" } } }
  }
}"),
            },
            null,
            VerifyCS.Diagnostic("SNAP002").WithLocation(0).WithArguments("_id", "Guid.NewGuid()"));

        [Fact]
        public Task SamJson_GlobalsFunction_AppliesToFunctionsWithoutTheirOwnSetting() => VerifyWithAdditionalFilesAsync(
            TwoFunctions,
            new[]
            {
                ("serverless.template", @"{
  ""Transform"": ""AWS::Serverless-2016-10-31"",
  ""Globals"": { ""Function"": { ""Runtime"": ""dotnet8"", ""SnapStart"": { ""ApplyOn"": ""PublishedVersions"" } } },
  ""Resources"": {
    ""Orders"": { ""Type"": ""AWS::Serverless::Function"", ""Properties"": { ""Handler"": ""TestProject::Shop.Orders::Handler"", ""SnapStart"": { ""ApplyOn"": ""None"" } } },
    ""Reports"": { ""Type"": ""AWS::Serverless::Function"", ""Properties"": { ""Handler"": ""TestProject::Shop.Reports::Handler"" } }
  }
}"),
            },
            null,
            VerifyCS.Diagnostic("SNAP002").WithLocation(1).WithArguments("_id", "Guid.NewGuid()"));

        [Fact]
        public Task SamYaml_EveryFunctionWithoutSnapStart_SilencesTheProject() => VerifyWithAdditionalFilesAsync(
            TwoFunctions.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty),
            new[]
            {
                ("template.yaml", @"Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Handler: TestProject::Shop.Orders::Handler
  Reports:
    Type: AWS::Serverless::Function
    Properties:
      Handler: TestProject::Shop.Reports::Handler
      SnapStart:
        ApplyOn: None
"),
            },
            null);

        [Fact]
        public Task TemplateHandlers_WithoutILambdaContext_OnlyTheOneWithSnapStartReports() => VerifyWithAdditionalFilesAsync(
            @"
using System;

namespace Shop
{
    public class Orders
    {
        private readonly Guid _id = {|#0:Guid.NewGuid()|};
        public string Handler(string input) => input + _id;
    }

    public class Reports
    {
        private readonly Guid _id = Guid.NewGuid();
        public string Handler(string input) => input + _id;
    }

    public class NotDeployed
    {
        private readonly Guid _id = Guid.NewGuid();
        public string Handler(string input) => input + _id;
    }
}",
            new[]
            {
                ("template.yml", @"Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Handler: TestProject::Shop.Orders::Handler
      SnapStart:
        ApplyOn: PublishedVersions
  Reports:
    Type: AWS::Serverless::Function
    Properties:
      Handler: TestProject::Shop.Reports::Handler
"),
            },
            null,
            VerifyCS.Diagnostic("SNAP002").WithLocation(0).WithArguments("_id", "Guid.NewGuid()"));

        [Fact]
        public Task NestedHandlerType_IsNamedWithAPlus() => VerifyWithAdditionalFilesAsync(
            @"
using System;

namespace Shop
{
    public class Functions
    {
        public class Orders
        {
            private readonly Guid _id = {|SNAP002:Guid.NewGuid()|};
            public string Handler(string input) => input + _id;
        }
    }
}",
            new[] { ("aws-lambda-tools-defaults.json", @"{ ""function-handler"": ""TestProject::Shop.Functions+Orders::Handler"", ""snap-start-apply-on"": ""PublishedVersions"" }") },
            null);

        [Fact]
        public Task TemplateInAParentFolder_IsRead() => VerifyWithAdditionalFilesAsync(
            TwoFunctions,
            new[]
            {
                ("/template.yaml", @"Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: ./src/Shop
      Handler: TestProject::Shop.Orders::Handler
      SnapStart:
        ApplyOn: PublishedVersions
  Reports:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: ./src/Shop
      Handler: TestProject::Shop.Reports::Handler
"),
            },
            null,
            VerifyCS.Diagnostic("SNAP002").WithLocation(0).WithArguments("_id", "Guid.NewGuid()"));

        [Fact]
        public Task TemplateOfAnotherAssembly_IsIgnored() => VerifyWithAdditionalFilesAsync(
            TwoFunctions,
            new[] { ("aws-lambda-tools-defaults.json", @"{ ""function-handler"": ""OtherProject::Shop.Orders::Handler"" }") },
            null,
            VerifyCS.Diagnostic("SNAP002").WithLocation(0).WithArguments("_id", "Guid.NewGuid()"),
            VerifyCS.Diagnostic("SNAP002").WithLocation(1).WithArguments("_id", "Guid.NewGuid()"));

        [Fact]
        public Task IntrinsicSnapStartValue_CountsAsOn() => VerifyWithAdditionalFilesAsync(
            TwoFunctions,
            new[]
            {
                ("template.yaml", @"Transform: AWS::Serverless-2016-10-31
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Handler: TestProject::Shop.Orders::Handler
      SnapStart:
        ApplyOn: !If [IsProd, PublishedVersions, None]
  Reports:
    Type: AWS::Serverless::Function
    Properties:
      Handler: TestProject::Shop.Reports::Handler
"),
            },
            null,
            VerifyCS.Diagnostic("SNAP002").WithLocation(0).WithArguments("_id", "Guid.NewGuid()"));

        [Fact]
        public Task DisabledKey_OverridesTemplatesWithSnapStart() => VerifyWithAdditionalFilesAsync(
            TwoFunctions.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty),
            new[] { ("aws-lambda-tools-defaults.json", @"{ ""function-handler"": ""TestProject::Shop.Orders::Handler"", ""snap-start-apply-on"": ""PublishedVersions"" }") },
            "snapsafe.snapstart = disabled");

        [Fact]
        public Task Executable_DeployedWithoutSnapStart_IsSilent() => VerifyWithAdditionalFilesAsync(
            LambdaModel.Executable,
            @"
using System;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var id = Guid.NewGuid();
Func<string, ILambdaContext, string> handler = (input, context) => input + id;
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
",
            new[] { ("aws-lambda-tools-defaults.json", @"{ ""function-handler"": ""TestProject"", ""function-runtime"": ""dotnet8"" }") },
            null);

        [Fact]
        public Task Executable_DeployedWithSnapStart_Reports() => VerifyWithAdditionalFilesAsync(
            LambdaModel.Executable,
            @"
using System;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var id = {|SNAP002:Guid.NewGuid()|};
Func<string, ILambdaContext, string> handler = (input, context) => input + id;
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
",
            new[] { ("aws-lambda-tools-defaults.json", @"{ ""function-handler"": ""TestProject"", ""snap-start-apply-on"": ""PublishedVersions"" }") },
            null);

        [Fact]
        public Task YamlAnchorsAliasesAndMergeKeys_AreRead() => VerifyWithAdditionalFilesAsync(
            TwoFunctions,
            new[]
            {
                ("template.yaml", @"Transform: AWS::Serverless-2016-10-31
Mappings:
  Defaults:
    SnapStartOn: &snapstart
      SnapStart:
        ApplyOn: PublishedVersions
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      <<: *snapstart
      Handler: TestProject::Shop.Orders::Handler
  Reports:
    Type: AWS::Serverless::Function
    Properties: &reports
      Handler: TestProject::Shop.Reports::Handler
"),
            },
            null,
            VerifyCS.Diagnostic("SNAP002").WithLocation(0).WithArguments("_id", "Guid.NewGuid()"));

        private const string TwoAspNetCoreFunctions = @"
using System;
using Amazon.Lambda.AspNetCoreServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Shop
{
    public class StorefrontEntryPoint : APIGatewayProxyFunction<StorefrontStartup>
    {
    }

    public class ReportsEntryPoint : APIGatewayHttpApiV2ProxyFunction<ReportsStartup>
    {
    }

    public class StorefrontStartup
    {
        private readonly Guid _id = {|#0:Guid.NewGuid()|};
        public void ConfigureServices(IServiceCollection services) { }
        public void Configure(IApplicationBuilder app) => app.Run(context => context.Response.WriteAsync(_id.ToString()));
    }

    public class ReportsStartup
    {
        private readonly Guid _id = {|#1:Guid.NewGuid()|};
        public void ConfigureServices(IServiceCollection services) { }
        public void Configure(IApplicationBuilder app) => app.Run(context => context.Response.WriteAsync(_id.ToString()));
    }
}";

        [Fact]
        public Task AspNetCoreFunction_StartupStateBelongsToItsEntryPoint_ReportedOnlyWhereSnapStartIsOn() => VerifyWithAdditionalFilesAsync(
            LambdaModel.AspNetCoreFunction,
            TwoAspNetCoreFunctions,
            new[]
            {
                ("serverless.template", @"{
  ""AWSTemplateFormatVersion"": ""2010-09-09"",
  ""Transform"": ""AWS::Serverless-2016-10-31"",
  ""Resources"": {
    ""Storefront"": { ""Type"": ""AWS::Serverless::Function"", ""Properties"": { ""Handler"": ""TestProject::Shop.StorefrontEntryPoint::FunctionHandlerAsync"", ""AutoPublishAlias"": ""live"", ""SnapStart"": { ""ApplyOn"": ""PublishedVersions"" } } },
    ""Reports"": { ""Type"": ""AWS::Serverless::Function"", ""Properties"": { ""Handler"": ""TestProject::Shop.ReportsEntryPoint::FunctionHandlerAsync"" } }
  }
}"),
            },
            null,
            VerifyCS.Diagnostic("SNAP002").WithLocation(0).WithArguments("_id", "Guid.NewGuid()"));
    }
}
