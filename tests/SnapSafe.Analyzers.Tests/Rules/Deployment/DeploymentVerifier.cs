using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SnapSafe.Analyzers.Tests.Verifiers;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules.Deployment
{
    /// <summary>
    /// Runs the analyzer on a project whose assembly is <c>TestProject</c> (the test compilation's name) and whose
    /// handlers are <see cref="Handlers"/>, with deployment files as AdditionalFiles. Expected template findings
    /// are written as markup in the template (<c>{|SNAP050:SnapStart|}</c>) or as explicit spans.
    /// </summary>
    internal static class DeploymentVerifier
    {
        /// <summary>Two class library handlers: <c>TestProject::Shop.Orders::Handler</c> and <c>TestProject::Shop.Reports::Handler</c>.</summary>
        public const string Handlers = @"
using Amazon.Lambda.Core;

namespace Shop
{
    public class Orders
    {
        public string Handler(string input, ILambdaContext context) => input;
    }

    public class Reports
    {
        public string Handler(string input, ILambdaContext context) => input;
    }
}";

        public static Task VerifyAsync(string path, string template, params DiagnosticResult[] expected)
            => Create(Handlers, path, template).RunWith(expected);

        public static VerifyCS.Test Create(string source, string path, string template, LambdaModel model = LambdaModel.ClassLibrary)
        {
            var test = new VerifyCS.Test(model) { TestCode = source };
            test.WithAdditionalFile(path, template);
            return test;
        }

        public static Task RunWith(this VerifyCS.Test test, params DiagnosticResult[] expected)
        {
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }
    }
}
