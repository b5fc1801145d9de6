using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SnapSafe.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Verifies the diagnostics of <typeparamref name="TAnalyzer"/> on C# source compiled as one of the Lambda
    /// programming models. Markup <c>{|SNAP001:...|}</c> or <c>[|...|]</c> marks the expected spans.
    /// </summary>
    public static class CSharpAnalyzerVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        /// <inheritdoc cref="AnalyzerVerifier{TAnalyzer, TTest, TVerifier}.Diagnostic()"/>
        public static DiagnosticResult Diagnostic()
            => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic();

        /// <inheritdoc cref="AnalyzerVerifier{TAnalyzer, TTest, TVerifier}.Diagnostic(string)"/>
        public static DiagnosticResult Diagnostic(string diagnosticId)
            => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(diagnosticId);

        /// <inheritdoc cref="AnalyzerVerifier{TAnalyzer, TTest, TVerifier}.Diagnostic(DiagnosticDescriptor)"/>
        public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor)
            => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(descriptor);

        /// <summary>Verifies <paramref name="source"/> as a class library handler.</summary>
        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
            => VerifyAnalyzerAsync(LambdaModel.ClassLibrary, source, expected);

        /// <summary>Verifies <paramref name="source"/> compiled as <paramref name="model"/>.</summary>
        public static Task VerifyAnalyzerAsync(LambdaModel model, string source, params DiagnosticResult[] expected)
        {
            var test = new Test(model) { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Verifies a class library handler (Amazon.Lambda.Core with SnapshotRestore, the serializer).</summary>
        public static Task VerifyClassLibraryAsync(string source, params DiagnosticResult[] expected)
            => VerifyAnalyzerAsync(LambdaModel.ClassLibrary, source, expected);

        /// <summary>Verifies an executable assembly (top-level statements or Main with LambdaBootstrapBuilder).</summary>
        public static Task VerifyExecutableAsync(string source, params DiagnosticResult[] expected)
            => VerifyAnalyzerAsync(LambdaModel.Executable, source, expected);

        /// <summary>Verifies an ASP.NET Core minimal API hosted with AddAWSLambdaHosting.</summary>
        public static Task VerifyMinimalApiAsync(string source, params DiagnosticResult[] expected)
            => VerifyAnalyzerAsync(LambdaModel.MinimalApi, source, expected);

        /// <summary>Verifies Lambda Annotations functions and startup classes.</summary>
        public static Task VerifyAnnotationsAsync(string source, params DiagnosticResult[] expected)
            => VerifyAnalyzerAsync(LambdaModel.Annotations, source, expected);

        /// <summary>Verifies an ASP.NET Core Web API in a class library (a <c>LambdaEntryPoint : APIGatewayProxyFunction</c>, its startup and controllers).</summary>
        public static Task VerifyAspNetCoreFunctionAsync(string source, params DiagnosticResult[] expected)
            => VerifyAnalyzerAsync(LambdaModel.AspNetCoreFunction, source, expected);

        /// <summary>Verifies a class library handler whose Amazon.Lambda.Core has no SnapshotRestore.</summary>
        public static Task VerifyWithoutSnapshotRestoreAsync(string source, params DiagnosticResult[] expected)
            => VerifyAnalyzerAsync(LambdaModel.CoreWithoutSnapshotRestore, source, expected);

        /// <summary>Verifies code that references no Amazon.Lambda package.</summary>
        public static Task VerifyNoLambdaAsync(string source, params DiagnosticResult[] expected)
            => VerifyAnalyzerAsync(LambdaModel.NoLambda, source, expected);

        /// <summary>
        /// An analyzer test of one programming model. Use it directly for configuration files and additional files:
        /// <c>new VerifyCS.Test(LambdaModel.ClassLibrary) { TestCode = source }.WithGlobalConfig("...").RunAsync()</c>.
        /// </summary>
        public class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>, IProviderPackagesTest
        {
            public Test()
                : this(LambdaModel.ClassLibrary)
            {
            }

            public Test(LambdaModel model)
            {
                Model = model;
                ReferenceAssemblies = StandInReferences.Net80;
            }

            /// <summary>The programming model whose references the test project gets.</summary>
            public LambdaModel Model { get; set; }

            /// <inheritdoc/>
            public bool ProviderPackages { get; set; }

            protected override async Task RunImplAsync(CancellationToken cancellationToken)
            {
                await LambdaTestState.ApplyAsync(TestState, Model, ProviderPackages).ConfigureAwait(false);
                await base.RunImplAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
