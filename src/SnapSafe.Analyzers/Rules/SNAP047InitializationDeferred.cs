using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnapSafe.Analyzers.Lambda;
using SnapSafe.Analyzers.Lambda.Models;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>
    /// SNAP047: initialization the function defers past the snapshot, so that it runs after every restore and the
    /// hooks it registers never run. An ASP.NET Core entry point constructed with <c>StartupMode.FirstRequest</c>
    /// (reported at the argument; fixed by removing it), Amazon.Lambda.Annotations older than 1.6.0 (reported at each
    /// <c>[LambdaFunction]</c> method: each function class is built on its first invocation), an executable on
    /// Amazon.Lambda.RuntimeSupport older than 1.12.0 (reported at the <c>RunAsync</c> call).
    /// </summary>
    internal sealed class SNAP047InitializationDeferred : IModelRule
    {
        public static readonly SNAP047InitializationDeferred Instance = new SNAP047InitializationDeferred();

        private SNAP047InitializationDeferred()
        {
        }

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP047InitializationDeferred;

        public void Find(InitPhase phase, ICollection<Finding> findings)
        {
            foreach (var entryPoint in phase.Models.Get<AspNetCoreFunctionModel>().EntryPoints)
            {
                if (entryPoint.DeferringArgument is { } argument)
                {
                    findings.Add(Create(
                        argument.GetLocation(),
                        entryPoint.Type,
                        fixable: entryPoint.DeferralRemovable,
                        "StartupMode.FirstRequest builds the ASP.NET Core host of '" + entryPoint.Type.Name + "' on the first request, after the snapshot",
                        "remove the argument so that the constructor builds it during init"));
                }
            }

            var versions = phase.PackageVersions;
            if (versions.Annotations is { } annotations && annotations < PackageVersions.AnnotationsBuildingDuringInit)
            {
                var functionAttribute = phase.Types.LambdaFunctionAttribute;
                foreach (var function in phase.Models.Get<AnnotationsModel>().FunctionTypes)
                {
                    foreach (var member in function.GetMembers())
                    {
                        if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && functionAttribute != null
                            && SymbolFacts.HasAttribute(method.GetAttributes(), functionAttribute) && IdentifierOf(method) is { } location)
                        {
                            findings.Add(Create(
                                location,
                                function,
                                fixable: false,
                                "Amazon.Lambda.Annotations " + PackageVersions.Display(annotations) + " builds '" + function.Name + "' on the first invocation, after the snapshot",
                                "upgrade it to " + PackageVersions.Display(PackageVersions.AnnotationsBuildingDuringInit) + " or later"));
                        }
                    }
                }
            }

            if (versions.RuntimeSupport is { } runtimeSupport && runtimeSupport < PackageVersions.RuntimeSupportWithSnapStart
                && phase.Models.EntryPointStart.Kind == EntryPointKind.Executable && phase.Models.EntryPointStart.RunCall is { } run
                && phase.Models.EntryPoint is { } entry)
            {
                findings.Add(Create(
                    run.Syntax.GetLocation(),
                    entry,
                    fixable: false,
                    "Amazon.Lambda.RuntimeSupport " + PackageVersions.Display(runtimeSupport) + " has no SnapStart support: it never runs the hooks init registers",
                    "upgrade it to " + PackageVersions.Display(PackageVersions.RuntimeSupportWithSnapStart) + " or later"));
            }
        }

        private static Finding Create(Location location, ISymbol origin, bool fixable, string what, string remedy)
        {
            var request = new FixRequest { RuleFixApplies = fixable };
            return new Finding(Descriptor, location, ImmutableArray<Location>.Empty, request.ToProperties(), new object[] { what, remedy }, ImmutableArray.Create(origin));
        }

        private static Location? IdentifierOf(IMethodSymbol method)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is MethodDeclarationSyntax declaration)
                {
                    return declaration.Identifier.GetLocation();
                }
            }

            return null;
        }
    }
}
