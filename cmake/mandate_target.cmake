# Flags that apply to Mandate's own targets only (never global), so third-party
# headers and generated code are not held to -Werror.
function(mandate_target_options target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror -Wshadow -Wnon-virtual-dtor)
  if(MANDATE_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
  if(MANDATE_FUZZ)
    # Coverage instrumentation for libFuzzer in everything of ours; only the
    # fuzz targets link libFuzzer itself (-fsanitize=fuzzer, fuzz/CMakeLists.txt),
    # so the unit tests of the same tree keep their own main.
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
endfunction()

# Compiles files into the binary (migrations, the demo, the OpenAPI document):
# generates NAME.cpp defining `const std::vector<mandate::store::EmbeddedFile>
# NAME` in NAMESPACE, regenerated when a file changes, and stores its path in
# OUT_VAR for add_library/add_executable.
function(mandate_embed_files out_var)
  cmake_parse_arguments(ARG "" "NAME;NAMESPACE" "FILES" ${ARGN})
  set(cpp ${CMAKE_CURRENT_BINARY_DIR}/${ARG_NAME}.cpp)
  string(REPLACE ";" "|" joined "${ARG_FILES}")  # embed_files.cmake splits on |
  add_custom_command(
    OUTPUT ${cpp}
    COMMAND ${CMAKE_COMMAND} -DOUT=${cpp} -DNAME=${ARG_NAME} -DNAMESPACE=${ARG_NAMESPACE}
            "-DFILES=${joined}" -P ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${ARG_FILES} ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    VERBATIM
    COMMENT "Embedding ${ARG_NAME}")
  set(${out_var} ${cpp} PARENT_SCOPE)
endfunction()
