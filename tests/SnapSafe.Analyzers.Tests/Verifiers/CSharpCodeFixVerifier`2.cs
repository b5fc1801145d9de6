using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SnapSafe.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Verifies the diagnostics of <typeparamref name="TAnalyzer"/> and the code produced by
    /// <typeparamref name="TCodeFix"/> on C# source compiled as one of the Lambda programming models. The fixed
    /// source must compile without errors.
    /// </summary>
    public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        /// <inheritdoc cref="CodeFixVerifier{TAnalyzer, TCodeFix, TTest, TVerifier}.Diagnostic()"/>
        public static DiagnosticResult Diagnostic()
            => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic();

        /// <inheritdoc cref="CodeFixVerifier{TAnalyzer, TCodeFix, TTest, TVerifier}.Diagnostic(string)"/>
        public static DiagnosticResult Diagnostic(string diagnosticId)
            => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(diagnosticId);

        /// <inheritdoc cref="CodeFixVerifier{TAnalyzer, TCodeFix, TTest, TVerifier}.Diagnostic(DiagnosticDescriptor)"/>
        public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor)
            => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(descriptor);

        /// <summary>Verifies the diagnostics of a class library handler.</summary>
        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
            => VerifyAnalyzerAsync(LambdaModel.ClassLibrary, source, expected);

        /// <summary>Verifies the diagnostics of <paramref name="source"/> compiled as <paramref name="model"/>.</summary>
        public static Task VerifyAnalyzerAsync(LambdaModel model, string source, params DiagnosticResult[] expected)
        {
            var test = new Test(model) { TestCode = source, FixedCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Verifies the fix of a class library handler; the diagnostics are given by markup.</summary>
        public static Task VerifyCodeFixAsync(string source, string fixedSource)
            => VerifyCodeFixAsync(LambdaModel.ClassLibrary, source, DiagnosticResult.EmptyDiagnosticResults, fixedSource);

        /// <summary>Verifies the fix of a class library handler.</summary>
        public static Task VerifyCodeFixAsync(string source, DiagnosticResult expected, string fixedSource)
            => VerifyCodeFixAsync(LambdaModel.ClassLibrary, source, new[] { expected }, fixedSource);

        /// <summary>Verifies the fix of a class library handler.</summary>
        public static Task VerifyCodeFixAsync(string source, DiagnosticResult[] expected, string fixedSource)
            => VerifyCodeFixAsync(LambdaModel.ClassLibrary, source, expected, fixedSource);

        /// <summary>Verifies the fix of <paramref name="source"/> compiled as <paramref name="model"/>; diagnostics by markup.</summary>
        public static Task VerifyCodeFixAsync(LambdaModel model, string source, string fixedSource)
            => VerifyCodeFixAsync(model, source, DiagnosticResult.EmptyDiagnosticResults, fixedSource);

        /// <summary>Verifies the fix of <paramref name="source"/> compiled as <paramref name="model"/>.</summary>
        public static Task VerifyCodeFixAsync(LambdaModel model, string source, DiagnosticResult[] expected, string fixedSource)
        {
            var test = new Test(model) { TestCode = source, FixedCode = fixedSource };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>
        /// A code fix test of one programming model. Use it directly for Fix All (<c>BatchedFixedCode</c>,
        /// <c>NumberOfFixAllIterations</c>), equivalence keys, configuration files and additional files.
        /// </summary>
        public class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>, IProviderPackagesTest
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
