using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Rules.Deployment.DeploymentVerifier;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules.Deployment
{
    public class SNAP053HandlerNotFoundTests
    {
        private static string Template(string handler) => $"""
            Globals:
              Function:
                AutoPublishAlias: live
                SnapStart:
                  ApplyOn: PublishedVersions
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: {handler}
            """;

        [Fact]
        public Task TypeTypo_IsReportedOnTheHandler() => VerifyAsync(
            "template.yaml",
            Template("TestProject::Shop.Ordres::Handler"),
            VerifyCS.Diagnostic("SNAP053").WithSpan("/0/template.yaml", 10, 16, 10, 49).WithArguments("TestProject::Shop.Ordres::Handler", "type 'Shop.Ordres'", "Orders"));

        [Fact]
        public Task MethodTypo_IsReported() => VerifyAsync(
            "template.yaml",
            Template("{|#0:TestProject::Shop.Orders::Handle|}"),
            VerifyCS.Diagnostic("SNAP053").WithLocation(0).WithArguments("TestProject::Shop.Orders::Handle", "method 'Handle' on 'Shop.Orders'", "Orders"));

        [Fact]
        public Task ExistingHandlers_AreClean() => VerifyAsync("template.yaml", Template("TestProject::Shop.Orders::Handler"));

        [Fact]
        public Task HandlersOfOtherAssemblies_AreNotChecked() => VerifyAsync("template.yaml", Template("Billing::Billing.Nowhere::Handler"));

        [Fact]
        public Task AnExecutablesHandler_IsTheAssemblyAlone() => Create(
                """
                using System;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;

                Func<string, ILambdaContext, string> handler = (input, context) => input;
                await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                """,
                "template.yaml",
                Template("TestProject"),
                LambdaModel.Executable)
            .RunWith();

        [Fact]
        public Task NestedTypes_AreNamedWithAPlus() => Create(
                """
                namespace Shop
                {
                    public class Functions
                    {
                        public class Orders
                        {
                            public string Handler(string input) => input;
                        }
                    }
                }
                """,
                "template.yaml",
                Template("TestProject::Shop.Functions+Orders::Handler"))
            .RunWith();

        [Fact]
        public Task InheritedAndNonPublicMethods_AreFoundAsTheRuntimeFindsThem() => Create(
                """
                namespace Shop
                {
                    public abstract class FunctionBase
                    {
                        public string Handler(string input) => input;
                    }

                    public class Orders : FunctionBase
                    {
                        private string Internal(string input) => input;
                    }
                }
                """,
                "template.yaml",
                Template("TestProject::Shop.Orders::Handler") + "\n  Reports:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: TestProject::Shop.Orders::Internal\n")
            .RunWith();

        [Fact]
        public async Task AMethodInheritedFromAMetadataBaseClass_IsFound()
        {
            // The ASP.NET Core class-library model: the handler method is FunctionHandlerAsync of the package's base class.
            var test = Create(
                """
                namespace Shop
                {
                    public class LambdaEntryPoint : Amazon.Lambda.AspNetCoreServer.APIGatewayProxyFunction
                    {
                    }
                }
                """,
                "template.yaml",
                Template("TestProject::Shop.LambdaEntryPoint::FunctionHandlerAsync"));
            test.TestState.AdditionalReferences.Add(await AspNetCoreServerAsync());
            await test.RunWith();
        }

        [Fact]
        public Task AnnotationsWrappers_WhoseSourceMethodExists_AreNotReported() => Create(
                """
                using Amazon.Lambda.Annotations;

                namespace Shop
                {
                    public class Functions
                    {
                        [LambdaFunction]
                        public int Add(int x, int y) => x + y;
                    }
                }
                """,
                "template.yaml",
                Template("TestProject::Shop.Functions_Add_Generated::Add"),
                LambdaModel.Annotations)
            .RunWith();

        [Fact]
        public Task AnnotationsWrappers_ThatNoSourceMethodCanProduce_AreReported() => Create(
                """
                using Amazon.Lambda.Annotations;

                namespace Shop
                {
                    public class Functions
                    {
                        [LambdaFunction]
                        public int Add(int x, int y) => x + y;
                    }
                }
                """,
                "template.yaml",
                Template("{|#0:TestProject::Shop.Functions_Substract_Generated::Substract|}"),
                LambdaModel.Annotations)
            .RunWith(VerifyCS.Diagnostic("SNAP053").WithLocation(0).WithArguments("TestProject::Shop.Functions_Substract_Generated::Substract", "type 'Shop.Functions_Substract_Generated'", "Orders"));

        [Fact]
        public Task AnnotationsWrappers_ThatTheGeneratorProduced_AreCheckedLikeAnyType() => Create(
                """
                namespace Shop
                {
                    public class Functions
                    {
                        public int Add(int x, int y) => x + y;
                    }

                    // What the Annotations source generator writes for [LambdaFunction] Add.
                    public class Functions_Add_Generated
                    {
                        public int Add(int x, int y) => new Functions().Add(x, y);
                    }
                }
                """,
                "template.yaml",
                Template("{|#0:TestProject::Shop.Functions_Add_Generated::Ad|}"))
            .RunWith(VerifyCS.Diagnostic("SNAP053").WithLocation(0).WithArguments("TestProject::Shop.Functions_Add_Generated::Ad", "method 'Ad' on 'Shop.Functions_Add_Generated'", "Orders"));

        [Fact]
        public Task AHandlerInGlobals_SharedByTwoFunctions_IsOneDiagnostic() => VerifyAsync(
            "template.yaml",
            """
            Globals:
              Function:
                Handler: {|#0:TestProject::Shop.Order::Handler|}
                AutoPublishAlias: live
                SnapStart:
                  ApplyOn: PublishedVersions
            Resources:
              Orders:
                Type: AWS::Serverless::Function
              Reports:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: dotnet8
            """,
            VerifyCS.Diagnostic("SNAP053").WithLocation(0).WithArguments("TestProject::Shop.Order::Handler", "type 'Shop.Order'", "Orders', 'Reports"));

        [Fact]
        public Task ImageCommands_AndToolsDefaults_AreChecked() => VerifyAsync(
            "template.yaml",
            """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  PackageType: Image
                  AutoPublishAlias: live
                  SnapStart:
                    ApplyOn: PublishedVersions
                  ImageConfig:
                    Command:
                      - {|#0:TestProject::Shop.Orders::Handlr|}
            """,
            VerifyCS.Diagnostic("SNAP053").WithLocation(0).WithArguments("TestProject::Shop.Orders::Handlr", "method 'Handlr' on 'Shop.Orders'", "Orders"));

        [Fact]
        public Task ToolsDefaults_HandlerTypo_IsReported() => VerifyAsync(
            "aws-lambda-tools-defaults.json",
            """
            {
              "function-handler": {|#0:"TestProject::Shop.Orderz::Handler"|},
              "function-publish": true,
              "snap-start-apply-on": "PublishedVersions"
            }
            """,
            VerifyCS.Diagnostic("SNAP053").WithLocation(0).WithArguments("TestProject::Shop.Orderz::Handler", "type 'Shop.Orderz'", "aws-lambda-tools-defaults.json"));

        [Fact]
        public Task FunctionsWithoutSnapStart_AreNotChecked() => VerifyAsync(
            "template.yaml",
            """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Ordres::Handler
            """);

        /// <summary>A metadata reference declaring <c>Amazon.Lambda.AspNetCoreServer.APIGatewayProxyFunction.FunctionHandlerAsync</c>.</summary>
        private static async Task<MetadataReference> AspNetCoreServerAsync()
        {
            var references = (await StandInReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None))
                .AddRange(await StandInReferences.ForModelAsync(LambdaModel.ClassLibrary));
            var compilation = CSharpCompilation.Create(
                "Amazon.Lambda.AspNetCoreServer",
                new[]
                {
                    CSharpSyntaxTree.ParseText("""
                        namespace Amazon.Lambda.AspNetCoreServer
                        {
                            public abstract class APIGatewayProxyFunction
                            {
                                public virtual System.Threading.Tasks.Task<string> FunctionHandlerAsync(string request, Amazon.Lambda.Core.ILambdaContext context)
                                    => System.Threading.Tasks.Task.FromResult(request);
                            }
                        }
                        """),
                },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
            }

            return MetadataReference.CreateFromImage(stream.ToArray());
        }
    }
}
