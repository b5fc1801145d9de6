using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SnapSafe.Analyzers.Deployment;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>SNAP901: a deployment template that could not be read, reported on the template where reading stopped.</summary>
    internal static class SNAP901TemplateUnreadable
    {
        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP901TemplateUnreadable;

        public static void Register(CompilationStartAnalysisContext context, DeploymentTemplates templates)
        {
            if (templates.Errors.IsEmpty)
            {
                return;
            }

            context.RegisterAdditionalFileAction(fileContext =>
            {
                foreach (var error in templates.Errors)
                {
                    if (error.Location.GetLineSpan().Path == fileContext.AdditionalFile.Path)
                    {
                        fileContext.ReportDiagnostic(error);
                    }
                }
            });
        }
    }
}
