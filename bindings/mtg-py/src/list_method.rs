//! Native methods of `list` subclasses, as method descriptors of `list`
//! (what `list.__getitem__` itself is): a Python class that sets one as an
//! attribute gets a method CPython calls without a Python frame in between
//! (`VCommentDict.__getitem__` and `keys`). PyO3 has no such thing for a
//! class defined in Python, so the descriptor is made with the C API here.

use std::ffi::CStr;

use pyo3::ffi;
use pyo3::prelude::*;

/// The value a native method hands back to CPython for `body`'s result: a
/// new reference, or NULL with the exception set. A panic becomes a
/// `PanicException` ("panic in `what`") instead of unwinding into C.
pub(crate) fn c_result<'py>(
    py: Python<'py>,
    what: &str,
    body: impl FnOnce() -> PyResult<Bound<'py, PyAny>>,
) -> *mut ffi::PyObject {
    let result =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)).unwrap_or_else(|_| {
            Err(pyo3::panic::PanicException::new_err(format!(
                "panic in {what}"
            )))
        });
    match result {
        Ok(value) => value.into_ptr(),
        Err(err) => {
            err.restore(py);
            std::ptr::null_mut()
        }
    }
}

/// A method descriptor of `list` named `name`, calling `meth` with the
/// calling convention `flags`; `doc` starts with its text signature
/// (`name($self, ...)\n--\n\n`).
pub(crate) fn descriptor<'py>(
    py: Python<'py>,
    name: &'static CStr,
    meth: ffi::PyMethodDefPointer,
    flags: std::os::raw::c_int,
    doc: &'static CStr,
) -> PyResult<Bound<'py, PyAny>> {
    // The descriptor refers to its definition for as long as it lives: the
    // definition is made once per method, for the life of the process.
    let def: &'static mut ffi::PyMethodDef = Box::leak(Box::new(ffi::PyMethodDef {
        ml_name: name.as_ptr(),
        ml_meth: meth,
        ml_flags: flags,
        ml_doc: doc.as_ptr(),
    }));
    // SAFETY: `PyList_Type` is a static type object and `def` a valid method
    // definition that outlives the descriptor; the GIL is held. The new
    // reference returned (or NULL with an exception set) is owned by the
    // Bound.
    unsafe {
        Bound::from_owned_ptr_or_err(
            py,
            ffi::PyDescr_NewMethod(std::ptr::addr_of_mut!(ffi::PyList_Type), def),
        )
    }
}
