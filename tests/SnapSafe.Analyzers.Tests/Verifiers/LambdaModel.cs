namespace SnapSafe.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// The programming model a test compiles its source as: which Amazon.Lambda.* packages the test project
    /// references (as stand-in metadata references, see <see cref="StandInReferences"/>) and what kind of assembly it
    /// builds.
    /// </summary>
    public enum LambdaModel
    {
        /// <summary>A class library handler: Amazon.Lambda.Core and Amazon.Lambda.Serialization.SystemTextJson.</summary>
        ClassLibrary,

        /// <summary>
        /// An executable assembly (top-level statements or <c>Main</c>): Amazon.Lambda.Core,
        /// Amazon.Lambda.RuntimeSupport and Amazon.Lambda.Serialization.SystemTextJson; console application output.
        /// </summary>
        Executable,

        /// <summary>
        /// An ASP.NET Core minimal API: the Microsoft.AspNetCore.App reference assemblies and
        /// Amazon.Lambda.AspNetCoreServer.Hosting with its Amazon.Lambda dependencies (Core, RuntimeSupport,
        /// Serialization.SystemTextJson, APIGatewayEvents and AspNetCoreServer, as the real package depends on them);
        /// console application output.
        /// </summary>
        MinimalApi,

        /// <summary>
        /// Lambda Annotations: Amazon.Lambda.Core, Amazon.Lambda.Serialization.SystemTextJson, Amazon.Lambda.Annotations
        /// and the Microsoft.Extensions.* reference assemblies (dependency injection, configuration, logging).
        /// </summary>
        Annotations,

        /// <summary>
        /// A class library handler built against the netstandard2.0 asset of Amazon.Lambda.Core, which has no
        /// <c>Amazon.Lambda.Core.SnapshotRestore</c> (and no default logging members), with the serializer package.
        /// </summary>
        CoreWithoutSnapshotRestore,

        /// <summary>Plain net8.0: no Amazon.Lambda package at all.</summary>
        NoLambda,

        /// <summary>
        /// An ASP.NET Core Web API in a class library (<c>LambdaEntryPoint : APIGatewayProxyFunction</c>): the
        /// Microsoft.AspNetCore.App reference assemblies, Amazon.Lambda.AspNetCoreServer with its Amazon.Lambda
        /// dependencies (Core, Serialization.SystemTextJson, APIGatewayEvents, ApplicationLoadBalancerEvents).
        /// </summary>
        AspNetCoreFunction,

        /// <summary>
        /// <see cref="Annotations"/> against Amazon.Lambda.Annotations 1.5.0, the last version that builds the function
        /// class on the first invocation instead of during init.
        /// </summary>
        AnnotationsBeforeSnapStart,

        /// <summary>
        /// <see cref="Executable"/> against Amazon.Lambda.RuntimeSupport 1.11.0, the last version without SnapStart
        /// support; console application output.
        /// </summary>
        ExecutableBeforeSnapStart,
    }
}
